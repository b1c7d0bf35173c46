package dev.ebm.energies.spec;

import dev.ebm.api.spec.Checks;
import java.util.ArrayList;
import java.util.List;

/** Checks of the vectors and matrices in analytic energies' specs. */
final class MatrixChecks {
    private MatrixChecks() {}

    /** True when {@code values} holds only finite numbers; records a problem at each entry that is not. */
    static boolean finite(Checks c, String field, List<Double> values) {
        boolean ok = true;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                c.fail(field + "[" + i + "]", "must be a finite number, found " + v);
                ok = false;
            }
        }
        return ok;
    }

    /** An immutable copy that keeps nulls (List.copyOf refuses them, and validation reports them instead). */
    static <T> List<T> copy(List<T> values) {
        return values == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Cholesky factor L (lower triangular, L·Lᵀ = a) of a symmetric matrix, or null with {@code failedAt[0]}. */
    static double[][] cholesky(double[][] a, double[] failedMinor) {
        int n = a.length;
        double[][] l = new double[n][n];
        double det = 1;
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0)) {
                if (failedMinor != null) {
                    failedMinor[0] = j + 1;
                    failedMinor[1] = det * d;
                }
                return null;
            }
            det *= d;
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
    }
}
