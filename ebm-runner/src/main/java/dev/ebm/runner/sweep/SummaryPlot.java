package dev.ebm.runner.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The plot of one metric per case: the mean over seeds as a dot, with an error bar over the 95 % Student-t
 * confidence interval (none for a case with one finished run).
 */
public final class SummaryPlot {
    private SummaryPlot() {}

    /** Writes {@code png} (parent directories created); does nothing when no case reports {@code metric}. */
    public static boolean write(SweepSummary s, String metric, Path png) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        String series = "mean over seeds, 95 % CI";
        boolean any = false;
        for (SweepSummary.Row r : s.cases()) {
            Stats st = r.metrics().get(metric);
            if (st == null || st.n() == 0) {
                continue;
            }
            any = true;
            Double half = Double.isNaN(st.ciHigh()) ? null : (st.ciHigh() - st.ciLow()) / 2;
            data.add((Number) st.mean(), (Number) half, series, r.name() + " (n=" + st.n() + ")");
        }
        if (!any) {
            return false;
        }
        CategoryAxis cases = new CategoryAxis("case");
        if (s.cases().size() > 4) {
            cases.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis values = new NumberAxis(metric);
        values.setAutoRangeIncludesZero(false);
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        renderer.setSeriesPaint(0, new Color(30, 90, 180));
        CategoryPlot plot = new CategoryPlot(data, cases, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(metric + " per case", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            Files.createDirectories(png.getParent());
            ChartUtils.saveChartAsPNG(png.toFile(), chart, Math.max(640, 70 * s.cases().size()), 520);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
        return true;
    }
}
