package dev.ebm.data.toy;

import dev.ebm.api.Box;
import dev.ebm.api.ToyDensity;
import org.nd4j.linalg.factory.Nd4j;

/** Numerical integration of toy densities over boxes and bins. */
final class Grids {
    private Grids() {}

    /** ∫ p over {@code box} by the midpoint rule on an {@code n × n} grid. */
    static double integral(ToyDensity d, Box box, int n) {
        double dx = (box.high()[0] - box.low()[0]) / n;
        double dy = (box.high()[1] - box.low()[1]) / n;
        double[] xy = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = 2 * (i * n + j);
                xy[k] = box.low()[0] + (i + 0.5) * dx;
                xy[k + 1] = box.low()[1] + (j + 0.5) * dy;
            }
        }
        double[] lp = d.logDensity(Nd4j.createFromArray(xy).reshape(n * n, 2));
        double sum = 0;
        for (double v : lp) {
            sum += Math.exp(v);
        }
        return sum * dx * dy;
    }

    /**
     * Probability of each of {@code bins × bins} equal cells of {@code box}, indexed [i·bins + j] (i along x), by a
     * product Gauss–Legendre rule: {@code sub × sub} sub-cells per bin with 4 × 4 nodes each.
     */
    static double[] binProbabilities(ToyDensity d, Box box, int bins, int sub) {
        GaussLegendre gl = new GaussLegendre(4);
        int per = sub * 4;
        int side = bins * per;
        double[] xs = nodes(box.low()[0], box.high()[0], side / 4, gl);
        double[] ys = nodes(box.low()[1], box.high()[1], side / 4, gl);
        double[] wx = weights(box.low()[0], box.high()[0], side / 4, gl);
        double[] wy = weights(box.low()[1], box.high()[1], side / 4, gl);
        double[] xy = new double[2 * side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int k = 2 * (i * side + j);
                xy[k] = xs[i];
                xy[k + 1] = ys[j];
            }
        }
        double[] lp = d.logDensity(Nd4j.createFromArray(xy).reshape((long) side * side, 2));
        double[] p = new double[bins * bins];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                p[(i / per) * bins + j / per] += Math.exp(lp[i * side + j]) * wx[i] * wy[j];
            }
        }
        return p;
    }

    private static double[] nodes(double lo, double hi, int cells, GaussLegendre gl) {
        double h = (hi - lo) / cells;
        double[] out = new double[cells * 4];
        for (int c = 0; c < cells; c++) {
            for (int q = 0; q < 4; q++) {
                out[4 * c + q] = lo + (c + 0.5) * h + 0.5 * h * gl.nodes[q];
            }
        }
        return out;
    }

    private static double[] weights(double lo, double hi, int cells, GaussLegendre gl) {
        double h = (hi - lo) / cells;
        double[] out = new double[cells * 4];
        for (int c = 0; c < cells; c++) {
            for (int q = 0; q < 4; q++) {
                out[4 * c + q] = 0.5 * h * gl.weights[q];
            }
        }
        return out;
    }
}
