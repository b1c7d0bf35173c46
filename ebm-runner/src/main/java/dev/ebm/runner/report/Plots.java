package dev.ebm.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ebm.api.Box;
import dev.ebm.runner.eval.ToyEvaluation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The PNG plots of a run: loss curves, energy landscape, learned density beside the data, 2-D samples. */
public final class Plots {
    private static final int W = 640;
    private static final int H = 560;

    private Plots() {}

    /** Loss, mean energies and gradient norm over steps, from {@code metrics.jsonl} lines. */
    public static void lossCurves(List<JsonNode> metrics, Path png) {
        XYSeriesCollection top = new XYSeriesCollection();
        for (String key : List.of("loss", "e_pos", "e_neg")) {
            XYSeries s = new XYSeries(key);
            for (JsonNode m : metrics) {
                if (m.has(key)) {
                    s.add(m.get("step").asDouble(), m.get(key).asDouble());
                }
            }
            top.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Training curves", "step", "value", top,
                PlotOrientation.VERTICAL, true, false, false);
        styleLines(chart.getXYPlot());
        XYSeriesCollection norms = new XYSeriesCollection();
        XYSeries g = new XYSeries("grad_norm");
        for (JsonNode m : metrics) {
            if (m.has("grad_norm")) {
                g.add(m.get("step").asDouble(), m.get("grad_norm").asDouble());
            }
        }
        norms.addSeries(g);
        JFreeChart chart2 = ChartFactory.createXYLineChart("Gradient norm", "step", "L2 norm", norms,
                PlotOrientation.VERTICAL, true, false, false);
        styleLines(chart2.getXYPlot());
        writeSideBySide(png, chart, chart2);
    }

    /** The energy on the evaluation grid. */
    public static void energyLandscape(ToyEvaluation ev, Path png) {
        double[][] e = ev.energyGrid();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : e) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        write(png, heatmap("Energy E(x)", e, ev.box(), lo, hi), W, H);
    }

    /** The learned density exp(−E)/Z beside the exact data density, on one colour scale. */
    public static void densityBesideData(ToyEvaluation ev, Path png) {
        int n = ev.grid();
        double[][] model = new double[n][n];
        double[][] data = new double[n][n];
        double hi = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                model[i][j] = Math.exp(-ev.energyGrid()[i][j] - ev.logZ());
                data[i][j] = Math.exp(ev.dataLogDensity()[i][j]);
                hi = Math.max(hi, Math.max(model[i][j], data[i][j]));
            }
        }
        writeSideBySide(png, heatmap("Learned density", model, ev.box(), 0, hi),
                heatmap("Data density", data, ev.box(), 0, hi));
    }

    /** Data and negative samples of a 2-D run; {@code samples} may be null (a run without negatives). */
    public static void samples2d(INDArray data, INDArray samples, Box box, Path png) {
        XYSeriesCollection c = new XYSeriesCollection();
        c.addSeries(series("data", data));
        c.addSeries(series("samples", samples));
        JFreeChart chart = ChartFactory.createScatterPlot("Samples", "x1", "x2", c, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesShape(0, new Rectangle2D.Double(-1, -1, 2, 2));
        r.setSeriesShape(1, new Rectangle2D.Double(-1, -1, 2, 2));
        r.setSeriesPaint(0, new Color(120, 120, 120, 90));
        r.setSeriesPaint(1, new Color(220, 60, 30, 160));
        ((NumberAxis) plot.getDomainAxis()).setRange(box.low()[0], box.high()[0]);
        ((NumberAxis) plot.getRangeAxis()).setRange(box.low()[1], box.high()[1]);
        write(png, chart, W, H);
    }

    private static XYSeries series(String name, INDArray points) {
        XYSeries s = new XYSeries(name, false, true);
        if (points == null) {
            return s;
        }
        double[][] p = points.castTo(DataType.DOUBLE).reshape(points.size(0), 2).toDoubleMatrix();
        for (double[] row : p) {
            s.add(row[0], row[1]);
        }
        return s;
    }

    private static JFreeChart heatmap(String title, double[][] z, Box box, double lo, double hi) {
        int n = z.length;
        int m = z[0].length;
        double dx = (box.high()[0] - box.low()[0]) / n;
        double dy = (box.high()[1] - box.low()[1]) / m;
        double[][] series = new double[3][n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int k = i * m + j;
                series[0][k] = box.low()[0] + (i + 0.5) * dx;
                series[1][k] = box.low()[1] + (j + 0.5) * dy;
                series[2][k] = z[i][j];
            }
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries(title, series);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(dx);
        r.setBlockHeight(dy);
        Viridis scale = new Viridis(lo, hi > lo ? hi : lo + 1);
        r.setPaintScale(scale);
        NumberAxis xa = new NumberAxis("x1");
        xa.setRange(box.low()[0], box.high()[0]);
        NumberAxis ya = new NumberAxis("x2");
        ya.setRange(box.low()[1], box.high()[1]);
        XYPlot plot = new XYPlot(ds, xa, ya, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        NumberAxis sa = new NumberAxis();
        sa.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, sa);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static void styleLines(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < plot.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(1.5f));
        }
    }

    static void writeSideBySide(Path png, JFreeChart left, JFreeChart right) {
        BufferedImage img = new BufferedImage(2 * W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        left.draw(g, new Rectangle2D.Double(0, 0, W, H));
        right.draw(g, new Rectangle2D.Double(W, 0, W, H));
        g.dispose();
        save(img, png);
    }

    static void write(Path png, JFreeChart chart, int w, int h) {
        save(chart.createBufferedImage(w, h), png);
    }

    static void save(BufferedImage img, Path png) {
        try {
            Files.createDirectories(png.getParent());
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new dev.ebm.runner.io.OutputException("cannot write " + png, e);
        }
    }

    /** A perceptually ordered colour scale (an approximation of matplotlib's viridis). */
    static final class Viridis implements PaintScale {
        private static final int[][] STOPS = {
            {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        private final double lo;
        private final double hi;

        Viridis(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double v) {
            double t = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
            double pos = t * (STOPS.length - 1);
            int k = Math.min(STOPS.length - 2, (int) pos);
            double f = pos - k;
            int[] a = STOPS[k];
            int[] b = STOPS[k + 1];
            return new Color((int) (a[0] + f * (b[0] - a[0])), (int) (a[1] + f * (b[1] - a[1])),
                    (int) (a[2] + f * (b[2] - a[2])));
        }
    }
}
