package dev.ebm.transitions;

/**
 * An independent computation of elasticdeform's grid interpolation along one axis, for tests: the control values
 * are mirrored into a periodic sequence of period 2P − 2, the periodic interpolating cubic B-spline of that
 * sequence is found by solving its circulant system densely, and it is evaluated at the pixels' grid coordinates
 * (P − 1)·j / (L − 1) with the textbook B-spline β₃.
 */
final class SplineReference {
    private SplineReference() {}

    /** β₃(x): 2/3 − x² + |x|³/2 for |x| &lt; 1, (2 − |x|)³/6 for |x| &lt; 2, else 0. */
    static double beta3(double x) {
        double a = Math.abs(x);
        if (a < 1) {
            return 2.0 / 3 - a * a + a * a * a / 2;
        }
        return a < 2 ? (2 - a) * (2 - a) * (2 - a) / 6 : 0;
    }

    /** {@code [length][points]}: the weight of control value l in pixel j's interpolated value. */
    static double[][] weights(int length, int points) {
        double[][] r = new double[length][points];
        if (points == 1) {
            for (double[] row : r) {
                row[0] = 1;
            }
            return r;
        }
        int m = 2 * points - 2;
        for (int l = 0; l < points; l++) {
            double[] g = new double[m];
            for (int k = 0; k < m; k++) {
                int mirrored = k < points ? k : m - k;
                g[k] = mirrored == l ? 1 : 0;
            }
            double[][] a = new double[m][m + 1];
            for (int k = 0; k < m; k++) {
                for (int d = -1; d <= 1; d++) {
                    a[k][Math.floorMod(k + d, m)] += beta3(d);
                }
                a[k][m] = g[k];
            }
            double[] c = Linear.solve(a, m);
            for (int j = 0; j < length; j++) {
                double t = (double) (points - 1) * j / (length - 1);
                double s = 0;
                for (int k = (int) Math.floor(t) - 2; k <= (int) Math.floor(t) + 3; k++) {
                    s += c[Math.floorMod(k, m)] * beta3(t - k);
                }
                r[j][l] = s;
            }
        }
        return r;
    }

    /** The std of the interpolated displacement at (i, j) of an h × w image: std·√(Σ R_y[i]²·Σ R_x[j]²). */
    static double std(double std, int points, int h, int w, int i, int j) {
        double[][] ry = weights(h, points);
        double[][] rx = weights(w, points);
        double sy = 0;
        double sx = 0;
        for (int k = 0; k < points; k++) {
            sy += ry[i][k] * ry[i][k];
            sx += rx[j][k] * rx[j][k];
        }
        return std * Math.sqrt(sy * sx);
    }
}
