package dev.ebm.estimators.proposal;

import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * N(m, S) with S = LLᵀ over flattened samples: draws m + Lξ and log-densities −½‖L⁻¹(x − m)‖² − ½·log det(2πS), in
 * double precision. The factors live in double arrays made when the proposal is built.
 */
public final class GaussianProposal implements DifferentiableProposal {
    private final double[] mean;
    private final double[][] chol;
    private final double logNorm;
    private final INDArray meanRow;
    private final INDArray cholT;
    private final INDArray invCholT;
    private final String label;

    private GaussianProposal(double[] mean, double[][] chol, String label) {
        int d = mean.length;
        this.mean = mean.clone();
        this.chol = chol;
        this.label = label;
        double logDet = 0;
        for (int i = 0; i < d; i++) {
            logDet += 2 * Math.log(chol[i][i]);
        }
        this.logNorm = 0.5 * (d * Math.log(2 * Math.PI) + logDet);
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.meanRow = Nd4j.createFromArray(mean).reshape(1, d);
            this.cholT = Nd4j.createFromArray(chol).transpose().dup('c');
            this.invCholT = Nd4j.createFromArray(Linalg.invertLower(chol)).transpose().dup('c');
        }
    }

    /** N(mean, cov) for a symmetric positive definite {@code cov}. */
    public static GaussianProposal of(double[] mean, double[][] cov) {
        return new GaussianProposal(mean, Linalg.cholesky(cov), "gaussian");
    }

    /** N(mean, std²·I). */
    public static GaussianProposal isotropic(double[] mean, double std) {
        double[][] cov = new double[mean.length][mean.length];
        for (int i = 0; i < mean.length; i++) {
            cov[i][i] = std * std;
        }
        return new GaussianProposal(mean, Linalg.cholesky(cov), "gaussian(std " + std + ")");
    }

    /**
     * The Gaussian with the sample mean and covariance of the rows of {@code x} {@code [n, ...]}, its standard
     * deviations multiplied by {@code scale} (a scale above 1 gives heavier tails than the samples, the safe side for
     * importance sampling). A ridge of 1e-6 of the mean variance keeps degenerate samples positive definite.
     */
    public static GaussianProposal fit(INDArray x, double scale) {
        double[][] rows = Linalg.rows(x);
        double[] m = Linalg.mean(rows);
        double[][] cov = Linalg.covariance(rows, m);
        for (double[] row : cov) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale * scale;
            }
        }
        return new GaussianProposal(m, Linalg.cholesky(Linalg.ridged(cov)),
                "gaussian(fitted to " + rows.length + " samples" + (scale == 1 ? "" : ", scale " + scale) + ")");
    }

    /** This Gaussian with its standard deviations multiplied by {@code scale} (covariance by scale²). */
    public GaussianProposal scaled(double scale) {
        double[][] l = new double[chol.length][];
        for (int i = 0; i < l.length; i++) {
            l[i] = chol[i].clone();
            for (int j = 0; j < l[i].length; j++) {
                l[i][j] *= scale;
            }
        }
        return new GaussianProposal(mean, l, label + " x" + scale);
    }

    @Override
    public int dim() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    /** The smallest standard deviation along a coordinate axis (a scale for step sizes). */
    public double minStd() {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < chol.length; i++) {
            double v = 0;
            for (int k = 0; k <= i; k++) {
                v += chol[i][k] * chol[i][k];
            }
            min = Math.min(min, Math.sqrt(v));
        }
        return min;
    }

    @Override
    public INDArray sample(int n, Rng rng, DataType dtype) {
        INDArray z = rng.normal(DataType.DOUBLE, n, mean.length);
        return Nd4j.gemm(z, cholT, false, false).addiRowVector(meanRow).castTo(dtype);
    }

    @Override
    public double[] logDensity(INDArray x) {
        INDArray flat = x.reshape(x.size(0), mean.length).castTo(DataType.DOUBLE);
        INDArray u = Nd4j.gemm(flat.subRowVector(meanRow), invCholT, false, false);
        return u.muli(u).sum(1).muli(-0.5).subi(logNorm).toDoubleVector();
    }

    @Override
    public Tensor logDensity(Tensor flat) {
        DataType dt = flat.dtype();
        Tensor u = flat.sub(Tensor.constant(meanRow.castTo(dt))).matmul(Tensor.constant(invCholT.castTo(dt)));
        return u.square().sum(false, 1).mul(-0.5).add(-logNorm);
    }

    @Override
    public String describe() {
        return label;
    }
}
