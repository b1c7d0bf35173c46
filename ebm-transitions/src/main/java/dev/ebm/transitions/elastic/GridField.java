package dev.ebm.transitions.elastic;

import dev.ebm.api.Rng;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The field of {@code elasticdeform}'s {@code deform_random_grid}: each component's control displacements Z (a
 * P × P grid, P = {@code points}) are independent N(0, std²), and the field is d = R_y·Z·R_xᵀ with the
 * {@link SplineAxis} maps of the two axes. Hence d has mean 0 and, at pixel (i, j), standard deviation
 * std·√(Σ_k R_y[i][k]²)·√(Σ_l R_x[j][l]²): exactly {@code std} at the control points, less in between.
 *
 * <p>Draws: one {@link Rng#normal} array {@code [count, 2, P, P]} (image, component row/column, control row,
 * control column).
 */
final class GridField implements DisplacementField {
    private final double std;
    private final int points;
    private volatile Axes axes;

    /** The spline maps of an image size. */
    private record Axes(int h, int w, double[] ry, double[] rx) {}

    GridField(double std, int points) {
        this.std = std;
        this.points = points;
    }

    /** The standard deviation of each displacement component at pixel (i, j) of an h × w image. */
    static double std(double std, int points, int h, int w, int i, int j) {
        double[] ry = SplineAxis.weights(h, points);
        double[] rx = SplineAxis.weights(w, points);
        double sy = 0;
        double sx = 0;
        for (int k = 0; k < points; k++) {
            sy += ry[i * points + k] * ry[i * points + k];
            sx += rx[j * points + k] * rx[j * points + k];
        }
        return std * Math.sqrt(sy * sx);
    }

    @Override
    public boolean zero() {
        return std == 0;
    }

    @Override
    public void draw(int count, int h, int w, Rng rng, double[] dy, double[] dx) {
        Axes a = axes;
        if (a == null || a.h != h || a.w != w) {
            a = new Axes(h, w, SplineAxis.weights(h, points), SplineAxis.weights(w, points));
            axes = a;
        }
        int pp = points * points;
        double[] z = rng.normal(DataType.DOUBLE, count, 2, points, points).dup('c').data().asDouble();
        double[] tmp = new double[h * points];
        for (int q = 0; q < count; q++) {
            interpolate(a, z, (2 * q) * pp, tmp, dy, q * h * w);
            interpolate(a, z, (2 * q + 1) * pp, tmp, dx, q * h * w);
        }
    }

    /** out = std·R_y·Z·R_xᵀ for the control grid Z at {@code z[zOffset ..]}. */
    private void interpolate(Axes a, double[] z, int zOffset, double[] tmp, double[] out, int offset) {
        int p = points;
        for (int i = 0; i < a.h; i++) {
            for (int l = 0; l < p; l++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += a.ry[i * p + k] * z[zOffset + k * p + l];
                }
                tmp[i * p + l] = std * s;
            }
        }
        for (int i = 0; i < a.h; i++) {
            for (int j = 0; j < a.w; j++) {
                double s = 0;
                for (int l = 0; l < p; l++) {
                    s += tmp[i * p + l] * a.rx[j * p + l];
                }
                out[offset + i * a.w + j] = s;
            }
        }
    }
}
