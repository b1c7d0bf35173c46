package dev.ebm.runner.report.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts a report draws itself (JFreeChart, as the runner's plots), as PNG bytes drawn at twice their display
 * size ({@link #WIDTH} × {@link #HEIGHT} CSS pixels) so that they stay sharp.
 */
public final class Charts {
    /** Display width of a chart, CSS pixels: two fit side by side on a report page. */
    public static final int WIDTH = 540;
    /** Display height of a chart, CSS pixels. */
    public static final int HEIGHT = 320;
    private static final int SCALE = 2;
    private static final Color[] PALETTE = {
        new Color(0x4e79a7), new Color(0xe15759), new Color(0x59a14f), new Color(0xf28e2b), new Color(0xb07aa1),
        new Color(0x76b7b2), new Color(0xedc948), new Color(0xff9da7), new Color(0x9c755f), new Color(0xbab0ac)};

    private Charts() {}

    /**
     * A line over x.
     *
     * @param name the legend entry
     * @param group lines of one group share a colour and one legend entry (e.g. the seeds of one case)
     */
    public record Line(String name, String group, double[] x, double[] y) {}

    /** The colour of the {@code i}-th series or group. */
    public static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** Lines over x; lines of one group share a colour and a legend entry. Non-finite points are left out. */
    public static byte[] lines(String title, String xLabel, String yLabel, List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (int k = 0; k < lines.size(); k++) {
            Line l = lines.get(k);
            XYSeries s = new XYSeries(l.name() + "#" + k, false, true);
            for (int i = 0; i < l.x().length; i++) {
                if (Double.isFinite(l.x()[i]) && Double.isFinite(l.y()[i])) {
                    s.add(l.x()[i], l.y()[i]);
                }
            }
            data.addSeries(s);
            groups.putIfAbsent(l.group(), groups.size());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        boolean grouped = groups.size() < lines.size();
        LegendItemCollection legend = new LegendItemCollection();
        for (int k = 0; k < lines.size(); k++) {
            Color c = colour(groups.get(lines.get(k).group()));
            r.setSeriesPaint(k, grouped ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 170) : c);
            r.setSeriesStroke(k, new BasicStroke(grouped ? 1.2f : 1.6f));
            r.setSeriesShapesVisible(k, lines.get(k).x().length <= 1);
        }
        groups.forEach((g, i) -> {
            LegendItem item = new LegendItem(g, colour(i));
            legend.add(item);
        });
        plot.setFixedLegendItems(legend);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart);
    }

    /**
     * One point per category with an error bar from {@code low} to {@code high} (e.g. a 95 % confidence interval);
     * a missing (NaN) bound draws no bar.
     */
    public static byte[] intervals(String title, String yLabel, List<String> categories, double[] mean,
            double[] low, double[] high) {
        YIntervalSeries s = new YIntervalSeries(yLabel);
        for (int i = 0; i < categories.size(); i++) {
            if (Double.isFinite(mean[i])) {
                double lo = Double.isFinite(low[i]) ? low[i] : mean[i];
                double hi = Double.isFinite(high[i]) ? high[i] : mean[i];
                s.add(i, mean[i], lo, hi);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(s);
        SymbolAxis x = new SymbolAxis(null, categories.toArray(String[]::new));
        x.setGridBandsVisible(false);
        x.setRange(-0.5, categories.size() - 0.5);
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        x.setVerticalTickLabels(categories.size() * Math.max(longest, 4) > 60);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(0, colour(0));
        r.setErrorPaint(new Color(0x33, 0x33, 0x33));
        r.setErrorStroke(new BasicStroke(1.4f));
        r.setCapLength(10);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        style(chart);
        return png(chart);
    }

    /** Grouped bars: one bar per series at each index (e.g. class histograms of several sample sets). */
    public static byte[] bars(String title, String xLabel, String yLabel, Map<String, double[]> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> {
            for (int i = 0; i < values.length; i++) {
                data.addValue(values[i], name, Integer.valueOf(i));
            }
        });
        JFreeChart chart = ChartFactory.createBarChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, colour(i));
        }
        CategoryAxis x = plot.getDomainAxis();
        x.setCategoryMargin(0.15);
        if (data.getColumnCount() > 24) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        return png(chart);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            p.setOutlinePaint(new Color(0xbb, 0xbb, 0xbb));
        } else if (chart.getPlot() instanceof CategoryPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            p.setOutlinePaint(new Color(0xbb, 0xbb, 0xbb));
        }
    }

    private static byte[] png(JFreeChart chart) {
        BufferedImage img = chart.createBufferedImage(WIDTH * SCALE, HEIGHT * SCALE, WIDTH, HEIGHT, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
