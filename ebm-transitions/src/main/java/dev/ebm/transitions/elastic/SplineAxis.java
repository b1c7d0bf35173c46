package dev.ebm.transitions.elastic;

/**
 * Along one image axis of {@code length} pixels, the linear map from the values at {@code points} control points to
 * the values at every pixel that {@code elasticdeform}'s {@code deform_grid} computes: pixel j sits at grid
 * coordinate (points − 1)·j / (length − 1), so the first and last control points lie on the first and last pixels;
 * the control values are prefiltered into cubic B-spline coefficients c with mirror-symmetric extension
 * (scipy's {@code spline_filter1d}, mode {@code mirror}), so that the spline passes through them; and pixel j gets
 * Σ_a β₃(t − k_a)·c_{k_a} over the four coefficients around t, indices mirrored at the ends
 * (… c₂ c₁ | c₀ c₁ … c_{P−1} | c_{P−2} …). The result, a length × points matrix R (row j: weights of the control
 * values), is R = B·A⁻¹ with B the folded B-spline weights of the pixels and A those of the control points.
 *
 * <p>Rows of R at control points are unit vectors; every row sums to 1 (the spline reproduces constants).
 */
final class SplineAxis {
    private SplineAxis() {}

    /** R, row-major {@code [length][points]}. */
    static double[] weights(int length, int points) {
        double[] a = new double[points * points];
        for (int i = 0; i < points; i++) {
            a[i * points + mirror(i - 1, points)] += 1.0 / 6;
            a[i * points + i] += 2.0 / 3;
            a[i * points + mirror(i + 1, points)] += 1.0 / 6;
        }
        double[] inverse = invert(a, points);
        double[] r = new double[length * points];
        double[] b = new double[points];
        for (int j = 0; j < length; j++) {
            double t = length > 1 ? (double) (points - 1) * j / (length - 1) : 0;
            double f = Math.floor(t);
            double x = t - f;
            double z = 1 - x;
            double w0 = z * z * z / 6;
            double w1 = (x * x * (x - 2) * 3 + 4) / 6;
            double w2 = (z * z * (z - 2) * 3 + 4) / 6;
            double[] w = {w0, w1, w2, 1 - w0 - w1 - w2};
            java.util.Arrays.fill(b, 0);
            int start = (int) f - 1;
            for (int q = 0; q < 4; q++) {
                b[mirror(start + q, points)] += w[q];
            }
            for (int k = 0; k < points; k++) {
                double s = 0;
                for (int m = 0; m < points; m++) {
                    s += b[m] * inverse[m * points + k];
                }
                r[j * points + k] = s;
            }
        }
        return r;
    }

    /** Whole-sample mirror of index {@code i} into [0, n) (scipy's {@code mirror}: … 2 1 | 0 1 … n−1 | n−2 …). */
    static int mirror(int i, int n) {
        if (n <= 1) {
            return 0;
        }
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    /** The inverse of the n × n row-major matrix {@code a} (diagonally dominant here) by Gauss–Jordan. */
    private static double[] invert(double[] a, int n) {
        double[] m = a.clone();
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            inv[i * n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row * n + col]) > Math.abs(m[pivot * n + col])) {
                    pivot = row;
                }
            }
            swapRows(m, n, col, pivot);
            swapRows(inv, n, col, pivot);
            double d = m[col * n + col];
            for (int k = 0; k < n; k++) {
                m[col * n + k] /= d;
                inv[col * n + k] /= d;
            }
            for (int row = 0; row < n; row++) {
                double f = m[row * n + col];
                if (row != col && f != 0) {
                    for (int k = 0; k < n; k++) {
                        m[row * n + k] -= f * m[col * n + k];
                        inv[row * n + k] -= f * inv[col * n + k];
                    }
                }
            }
        }
        return inv;
    }

    private static void swapRows(double[] m, int n, int a, int b) {
        if (a != b) {
            for (int k = 0; k < n; k++) {
                double t = m[a * n + k];
                m[a * n + k] = m[b * n + k];
                m[b * n + k] = t;
            }
        }
    }
}
