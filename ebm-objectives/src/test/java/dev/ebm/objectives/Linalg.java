package dev.ebm.objectives;

/** 2 × 2 matrix helpers for the tests. */
final class Linalg {
    private Linalg() {}

    static double det(double[][] m) {
        return m[0][0] * m[1][1] - m[0][1] * m[1][0];
    }

    static double[][] inverse(double[][] m) {
        double det = det(m);
        return new double[][] {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
    }

    /** max |a_ij − b_ij| / max |b_ij|. */
    static double relError(double[][] a, double[][] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                num = Math.max(num, Math.abs(a[i][j] - b[i][j]));
                den = Math.max(den, Math.abs(b[i][j]));
            }
        }
        return num / den;
    }
}
