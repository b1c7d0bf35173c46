package dev.ebm.runner.experiment;

import dev.ebm.api.DataSource;
import dev.ebm.runner.chains.TestTimeChains;
import dev.ebm.runner.report.ImageGrids;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The pictures of an experiment report: chain strips, class traces and line charts. */
final class Figures {
    /** Snapshots per chain in a strip. */
    static final int COLUMNS = 8;
    /** Ten class colours (Tableau 10). */
    private static final Color[] CLASS_COLOURS = {new Color(31, 119, 180), new Color(255, 127, 14),
        new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private Figures() {}

    /**
     * The first chains of {@code r}, one row each, at {@value #COLUMNS} recorded steps spread evenly over the records
     * from the start (left) to the end (right); nothing is written when no chain was pictured.
     */
    static void strip(TestTimeChains.Result r, DataSource data, String title, Path png) {
        float[][][] snaps = r.snapshots();
        if (snaps.length == 0) {
            return;
        }
        int records = r.steps().length;
        int cols = Math.min(COLUMNS, records);
        int[] pick = new int[cols];
        for (int c = 0; c < cols; c++) {
            pick[c] = cols == 1 ? records - 1 : (int) Math.round((double) c * (records - 1) / (cols - 1));
        }
        int pixels = snaps[0][0].length;
        float[] all = new float[snaps.length * cols * pixels];
        for (int i = 0; i < snaps.length; i++) {
            for (int c = 0; c < cols; c++) {
                System.arraycopy(snaps[i][pick[c]], 0, all, (i * cols + c) * pixels, pixels);
            }
        }
        long[] shape = data.sampleShape();
        long[] full = new long[shape.length + 1];
        full[0] = (long) snaps.length * cols;
        System.arraycopy(shape, 0, full, 1, shape.length);
        INDArray x = Nd4j.createFromArray(all).reshape(full);
        double lo = java.util.Arrays.stream(data.bounds().low()).min().orElse(0);
        double hi = java.util.Arrays.stream(data.bounds().high()).max().orElse(1);
        ImageGrids.write(x, lo, hi, title + ", steps 0 to " + r.steps()[records - 1], png);
    }

    /**
     * Class traces: one row per chain, one cell per recorded step, coloured by the classifier's class (legend
     * below); the start (step 0) is the first column.
     */
    static void classTraces(int[][] classes, int[] steps, List<String> names, String title, Path png) {
        int rows = classes.length;
        int cols = steps.length;
        int cell = Math.max(3, Math.min(16, 900 / Math.max(cols, 1)));
        int h = Math.max(8, Math.min(16, 400 / Math.max(rows, 1)));
        int left = 60;
        int top = 40;
        int w = left + cols * cell + 20;
        int height = top + rows * h + 60;
        BufferedImage img = new BufferedImage(Math.max(w, 520), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, 10, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("chain", 10, top + 12);
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < cols; t++) {
                g.setColor(CLASS_COLOURS[Math.floorMod(classes[i][t], CLASS_COLOURS.length)]);
                g.fillRect(left + t * cell, top + i * h, cell, h - 1);
            }
        }
        g.setColor(Color.BLACK);
        int y = top + rows * h + 16;
        g.drawString("step 0", left, y);
        String end = "step " + steps[cols - 1];
        g.drawString(end, left + cols * cell - g.getFontMetrics().stringWidth(end), y);
        for (int k = 0; k < names.size() && k < CLASS_COLOURS.length; k++) {
            g.setColor(CLASS_COLOURS[k]);
            g.fillRect(10 + k * 48, y + 14, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(names.get(k), 26 + k * 48, y + 24);
        }
        g.dispose();
        save(img, png);
    }

    /** One series of a line chart. */
    record Series(String label, double[] x, double[] y) {}

    /** A line chart with dots at the data points. */
    static void lines(String title, String xLabel, String yLabel, List<Series> series, Path png) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.label(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    xy.add(s.x()[i], s.y()[i]);
                }
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        var renderer = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.8f));
            renderer.setSeriesPaint(i, CLASS_COLOURS[i % CLASS_COLOURS.length]);
        }
        plot.setRenderer(renderer);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        chart.setBackgroundPaint(Color.WHITE);
        save(chart.createBufferedImage(720, 480), png);
    }

    private static void save(BufferedImage img, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
