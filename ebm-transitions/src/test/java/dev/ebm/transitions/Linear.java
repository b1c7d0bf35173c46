package dev.ebm.transitions;

/** Dense linear solves for tests. */
final class Linear {
    private Linear() {}

    /** Solves the augmented system {@code a} (n × (n + 1)) by Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, int n) {
        for (int col = 0; col < n; col++) {
            int p = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[p][col])) {
                    p = row;
                }
            }
            double[] t = a[p];
            a[p] = a[col];
            a[col] = t;
            for (int row = col + 1; row < n; row++) {
                double f = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= f * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double s = a[row][n];
            for (int k = row + 1; k < n; k++) {
                s -= a[row][k] * x[k];
            }
            x[row] = s / a[row][row];
        }
        return x;
    }
}
