package dev.ebm.runner.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code chain.png} of {@code bin/ebm sample}: how chains moved. 2-D samples: trajectories of a few chains over the
 * final samples; 1-D: a histogram of the final samples beside trajectories against the step; images: a grid of
 * snapshots (a few chains × several steps); anything else: energy traces beside a histogram of final energies.
 */
public final class ChainPlots {
    private static final int W = 640;
    private static final int H = 560;
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14),
        new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private ChainPlots() {}

    /**
     * Final samples (grey points) with the paths of a few chains on top.
     *
     * @param paths per shown chain, its positions {@code [recorded step][2]} (a long run's paths are a scribble:
     *     pass a window, e.g. the first 100 steps)
     * @param finals the final samples {@code [N][2]}
     * @param title e.g. "Chains: trajectories of 10 chains over 1000 steps"
     */
    public static void trajectories2d(List<double[][]> paths, double[][] finals, String xLabel, String yLabel,
            String title, Path png) {
        XYSeriesCollection points = new XYSeriesCollection();
        XYSeries fin = new XYSeries(finals.length + " final samples", false, true);
        for (double[] p : finals) {
            fin.add(p[0], p[1]);
        }
        points.addSeries(fin);
        JFreeChart chart = ChartFactory.createScatterPlot(title, xLabel, yLabel, points, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer dots = (XYLineAndShapeRenderer) plot.getRenderer();
        dots.setSeriesShape(0, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        dots.setSeriesPaint(0, new Color(90, 90, 90, 140));
        XYSeriesCollection lines = new XYSeriesCollection();
        for (int c = 0; c < paths.size(); c++) {
            double[][] path = paths.get(c);
            XYSeries s = new XYSeries(c == 0 ? "paths of " + paths.size() + " chains" : "chain " + c, false, true);
            for (double[] p : path) {
                s.add(p[0], p[1]);
            }
            lines.addSeries(s);
        }
        XYLineAndShapeRenderer path = new XYLineAndShapeRenderer(true, false);
        for (int c = 0; c < paths.size(); c++) {
            path.setSeriesPaint(c, withAlpha(PALETTE[c % PALETTE.length], 150));
            path.setSeriesStroke(c, new BasicStroke(0.9f));
            path.setSeriesVisibleInLegend(c, c == 0);
        }
        // dataset 1 is drawn over dataset 0 (the scatter): the paths lie on top of the final samples
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.setDataset(1, lines);
        plot.setRenderer(1, path);
        Plots.write(png, chart, W + 80, H);
    }

    /**
     * A histogram of the final samples beside the paths of a few chains against the step.
     *
     * @param steps the recorded steps
     * @param paths per shown chain, its value at each recorded step
     */
    public static void trajectories1d(double[] finals, int[] steps, List<double[]> paths, String label, String title,
            Path png) {
        HistogramDataset hist = new HistogramDataset();
        hist.addSeries("final samples", finals, Math.max(10, Math.min(80, finals.length / 20)));
        JFreeChart left = ChartFactory.createHistogram(title, label, "count", hist, PlotOrientation.VERTICAL, true,
                false, false);
        left.getXYPlot().setBackgroundPaint(Color.WHITE);
        left.getXYPlot().getRenderer().setSeriesPaint(0, new Color(31, 119, 180));
        writeSideBySide(png, left, traces(steps, paths, label, "Trajectories of " + paths.size() + " chains"));
    }

    /** Energy paths of a few chains beside a histogram of the final energies (samples of many coordinates). */
    public static void energyTraces(double[] finalEnergies, int[] steps, List<double[]> paths, String title,
            Path png) {
        HistogramDataset hist = new HistogramDataset();
        hist.addSeries("final energies", finalEnergies, Math.max(10, Math.min(80, finalEnergies.length / 20)));
        JFreeChart right = ChartFactory.createHistogram("Final energies", "E(x)", "count", hist,
                PlotOrientation.VERTICAL, true, false, false);
        right.getXYPlot().setBackgroundPaint(Color.WHITE);
        writeSideBySide(png, traces(steps, paths, "E(x)", title), right);
    }

    /**
     * A grid of image snapshots: one row per chain, one column per snapshot step, on one grey (or RGB) scale from
     * the smallest to the largest value shown.
     *
     * @param snapshots {@code [time][chain][C·H·W]}
     * @param times the step of each snapshot
     * @param shape {@code [C, H, W]} or {@code [H, W]}
     */
    public static void imageSnapshots(List<double[][]> snapshots, int[] times, long[] shape, String title, Path png) {
        int c = shape.length == 3 ? (int) shape[0] : 1;
        int h = (int) shape[shape.length - 2];
        int w = (int) shape[shape.length - 1];
        int scale = Math.max(1, 96 / Math.max(h, w));
        int cols = snapshots.size();
        int rows = cols == 0 ? 0 : snapshots.get(0).length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] snap : snapshots) {
            for (double[] img : snap) {
                for (double v : img) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double span = hi > lo ? hi - lo : 1;
        int pad = 6;
        int left = 70;
        int top = 56;
        int cellW = w * scale;
        int cellH = h * scale;
        BufferedImage img = new BufferedImage(left + cols * (cellW + pad) + pad, top + rows * (cellH + pad) + pad,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, pad, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int j = 0; j < cols; j++) {
            int x0 = left + j * (cellW + pad);
            g.setColor(Color.BLACK);
            g.drawString("step " + times[j], x0, top - 8);
            for (int i = 0; i < rows; i++) {
                int y0 = top + i * (cellH + pad);
                if (j == 0) {
                    g.drawString("chain " + i, pad, y0 + cellH / 2);
                }
                double[] px = snapshots.get(j)[i];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int rgb;
                        if (c == 3) {
                            int r = level(px[(0 * h + y) * w + x], lo, span);
                            int gr = level(px[(1 * h + y) * w + x], lo, span);
                            int b = level(px[(2 * h + y) * w + x], lo, span);
                            rgb = (r << 16) | (gr << 8) | b;
                        } else {
                            int v = level(px[y * w + x], lo, span);
                            rgb = (v << 16) | (v << 8) | v;
                        }
                        g.setColor(new Color(rgb));
                        g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                    }
                }
            }
        }
        g.dispose();
        Plots.save(img, png);
    }

    private static int level(double v, double lo, double span) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, (v - lo) / span)));
    }

    private static JFreeChart traces(int[] steps, List<double[]> paths, String label, String title) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (int k = 0; k < paths.size(); k++) {
            XYSeries s = new XYSeries("chain " + k, false, true);
            double[] p = paths.get(k);
            for (int j = 0; j < p.length; j++) {
                s.add(steps[j], p[j]);
            }
            c.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step", label, c, PlotOrientation.VERTICAL, false,
                false, false);
        XYPlot plot = chart.getXYPlot();
        Plots.styleLines(plot);
        for (int k = 0; k < paths.size(); k++) {
            plot.getRenderer().setSeriesPaint(k, withAlpha(PALETTE[k % PALETTE.length], 200));
            plot.getRenderer().setSeriesStroke(k, new BasicStroke(1.0f));
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    private static void writeSideBySide(Path png, JFreeChart left, JFreeChart right) {
        Plots.writeSideBySide(png, left, right);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
