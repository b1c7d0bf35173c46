package dev.ebm.estimators.generator;

/**
 * The k-nearest-neighbour estimate of KL(P‖Q) from samples alone (Wang, Kulkarni &amp; Verdú 2009):
 *
 * <pre>
 *   D̂ = (d/n)·Σ_i log(ν_k(i)/ρ_k(i)) + log(m/(n − 1))
 * </pre>
 *
 * with x_1..x_n ~ P, y_1..y_m ~ Q, ρ_k(i) the distance from x_i to its k-th nearest neighbour among the other x and
 * ν_k(i) to its k-th nearest among the y. Consistent as n, m → ∞ for densities with the same support; biased at
 * finite n (the report measures the bias against exact KLs and against two samples of one distribution). Brute
 * force, O(n·(n + m)·d): for low-dimensional samples of a few thousand points. Coincident points (distance 0) are
 * skipped, since log 0 is undefined.
 */
public final class KnnDivergence {
    private KnnDivergence() {}

    /**
     * @param p samples of P, {@code [n][d]}
     * @param q samples of Q, {@code [m][d]}
     * @param k the neighbour rank, 1 ≤ k &lt; n and k ≤ m
     */
    public static double kl(double[][] p, double[][] q, int k) {
        int n = p.length;
        int m = q.length;
        if (k < 1 || k >= n || k > m) {
            throw new IllegalArgumentException("k must be in [1, n) and <= m, found k = " + k + ", n = " + n
                    + ", m = " + m);
        }
        int d = p[0].length;
        double sum = 0;
        int used = 0;
        for (int i = 0; i < n; i++) {
            double rho = kth(p[i], p, i, k);
            double nu = kth(p[i], q, -1, k);
            if (rho > 0 && nu > 0) {
                sum += Math.log(nu / rho);
                used++;
            }
        }
        return d * sum / used + Math.log((double) m / (n - 1));
    }

    /** The distance from {@code x} to its k-th nearest row of {@code pts}, skipping row {@code self}. */
    private static double kth(double[] x, double[][] pts, int self, int k) {
        double[] best = new double[k];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int j = 0; j < pts.length; j++) {
            if (j == self) {
                continue;
            }
            double s = 0;
            double[] y = pts[j];
            for (int c = 0; c < x.length; c++) {
                double t = x[c] - y[c];
                s += t * t;
            }
            if (s < best[k - 1]) {
                int at = k - 1;
                while (at > 0 && best[at - 1] > s) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = s;
            }
        }
        return Math.sqrt(best[k - 1]);
    }
}
