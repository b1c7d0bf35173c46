package dev.ebm.objectives;

import dev.ebm.api.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Gaussian N(m, S) on flattened samples of d coordinates, with S = LLᵀ: exact draws m + Lz and log-densities
 * −½‖L⁻¹(x − m)‖² − ½ log det(2πS). The factors are computed in double and kept as arrays of the run's dtype,
 * created where the instance is (outside workspaces: they live for the run).
 */
final class GaussianNoise {
    private final double[] mean;
    private final double[][] chol;
    private final double logNorm;
    private final INDArray meanRow;
    private final INDArray cholT;
    private final INDArray invCholT;

    private GaussianNoise(double[] mean, double[][] chol, DataType dtype) {
        int d = mean.length;
        this.mean = mean.clone();
        this.chol = chol;
        double logDet = 0;
        for (int i = 0; i < d; i++) {
            logDet += 2 * Math.log(chol[i][i]);
        }
        this.logNorm = 0.5 * (d * Math.log(2 * Math.PI) + logDet);
        double[][] inv = invertLower(chol);
        this.meanRow = Nd4j.createFromArray(mean).reshape(1, d).castTo(dtype);
        this.cholT = Nd4j.createFromArray(chol).transpose().dup('c').castTo(dtype);
        this.invCholT = Nd4j.createFromArray(inv).transpose().dup('c').castTo(dtype);
    }

    /** N(mean, std²·I). */
    static GaussianNoise isotropic(double[] mean, double std, DataType dtype) {
        int d = mean.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            l[i][i] = std;
        }
        return new GaussianNoise(mean, l, dtype);
    }

    /** N(mean, cov) for a symmetric positive definite {@code cov}. */
    static GaussianNoise of(double[] mean, double[][] cov, DataType dtype) {
        return new GaussianNoise(mean, cholesky(cov), dtype);
    }

    /**
     * The Gaussian with the sample mean and the (unbiased) sample covariance of the rows of {@code x} {@code [n, d]}.
     * A ridge of 1e-6 times the mean variance (more if needed) keeps degenerate data (constant coordinates) positive
     * definite.
     */
    static GaussianNoise fit(INDArray x, DataType dtype) {
        INDArray xd = x.castTo(DataType.DOUBLE);
        long n = xd.size(0);
        int d = (int) xd.size(1);
        INDArray m = xd.mean(0).reshape(1, d);
        INDArray centred = xd.subRowVector(m);
        double[][] cov = Nd4j.gemm(centred, centred, true, false).divi(n - 1).toDoubleMatrix();
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += cov[i][i];
        }
        double ridge = 1e-6 * Math.max(trace / d, 1e-12);
        for (int attempt = 0; ; attempt++) {
            double[][] c = new double[d][];
            for (int i = 0; i < d; i++) {
                c[i] = cov[i].clone();
                c[i][i] += ridge;
            }
            try {
                return new GaussianNoise(m.toDoubleVector(), cholesky(c), dtype);
            } catch (ArithmeticException e) {
                if (attempt > 20) {
                    throw e;
                }
                ridge *= 10;
            }
        }
    }

    int dim() {
        return mean.length;
    }

    double[] mean() {
        return mean.clone();
    }

    /** S = LLᵀ. */
    double[][] covariance() {
        int d = mean.length;
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int k = 0; k <= Math.min(i, j); k++) {
                    v += chol[i][k] * chol[j][k];
                }
                s[i][j] = v;
            }
        }
        return s;
    }

    /** {@code n} draws {@code [n, d]} of the given dtype. */
    INDArray sample(Rng rng, long n, DataType dtype) {
        INDArray z = rng.normal(dtype, n, mean.length);
        INDArray lt = cholT.dataType() == dtype ? cholT : cholT.castTo(dtype);
        return Nd4j.gemm(z, lt, false, false).addiRowVector(meanRow.castTo(dtype));
    }

    /** log q(x) {@code [n]} of rows {@code [n, d]}. */
    INDArray logDensity(INDArray x) {
        DataType dt = x.dataType();
        INDArray centred = x.subRowVector(meanRow.castTo(dt));
        INDArray u = Nd4j.gemm(centred, invCholT.dataType() == dt ? invCholT : invCholT.castTo(dt), false, false);
        return u.muli(u).sum(1).muli(-0.5).subi(logNorm);
    }

    /** The lower Cholesky factor of a symmetric positive definite matrix. */
    static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int j = 0; j < d; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + j + " is " + s + ")");
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < d; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / l[j][j];
            }
        }
        return l;
    }

    /** The inverse of a lower-triangular matrix with a positive diagonal, by forward substitution. */
    static double[][] invertLower(double[][] l) {
        int d = l.length;
        double[][] inv = new double[d][d];
        for (int j = 0; j < d; j++) {
            inv[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < d; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s += l[i][k] * inv[k][j];
                }
                inv[i][j] = -s / l[i][i];
            }
        }
        return inv;
    }
}
