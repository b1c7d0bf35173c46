package dev.ebm.estimators.proposal;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small dense linear algebra in double precision for the proposals. */
final class Linalg {
    private Linalg() {}

    /** The rows of {@code x} {@code [n, ...]}, flattened, as doubles. */
    static double[][] rows(INDArray x) {
        long n = x.size(0);
        return x.reshape(n, x.length() / n).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    static double[] mean(double[][] rows) {
        int d = rows[0].length;
        double[] m = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                m[j] += r[j] / rows.length;
            }
        }
        return m;
    }

    /** The unbiased sample covariance about {@code m}. */
    static double[][] covariance(double[][] rows, double[] m) {
        int d = m.length;
        double[][] c = new double[d][d];
        for (double[] r : rows) {
            for (int i = 0; i < d; i++) {
                double a = r[i] - m[i];
                for (int j = 0; j <= i; j++) {
                    c[i][j] += a * (r[j] - m[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                c[i][j] /= Math.max(1, rows.length - 1);
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** {@code c} plus a ridge of 1e-6 of its mean variance on the diagonal (1e-12 at least). */
    static double[][] ridged(double[][] c) {
        int d = c.length;
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += c[i][i];
        }
        double ridge = 1e-6 * Math.max(trace / d, 1e-6);
        double[][] r = new double[d][];
        for (int i = 0; i < d; i++) {
            r[i] = c[i].clone();
            r[i][i] += ridge;
        }
        return r;
    }

    /** The lower Cholesky factor of a symmetric positive definite matrix (Commons Math). */
    static double[][] cholesky(double[][] a) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-12, 0).getL().getData();
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("covariance is not symmetric positive definite: " + e.getMessage(), e);
        }
    }

    /** The inverse of a lower-triangular matrix with a positive diagonal (Commons Math). */
    static double[][] invertLower(double[][] l) {
        return MatrixUtils.inverse(new Array2DRowRealMatrix(l, false)).getData();
    }
}
