package dev.ebm.objectives;

import dev.ebm.api.Box;
import dev.ebm.api.DataSource;
import dev.ebm.api.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** 2-D Gaussian training data N(m, S), drawn exactly as m + zLᵀ with S = LLᵀ. */
final class GaussianData implements DataSource {
    final double[] mean;
    final double[][] cov;
    private final INDArray meanRow;
    private final INDArray cholT;

    GaussianData(double[] mean, double[][] cov) {
        this.mean = mean.clone();
        this.cov = cov;
        double l00 = Math.sqrt(cov[0][0]);
        double l10 = cov[1][0] / l00;
        double l11 = Math.sqrt(cov[1][1] - l10 * l10);
        this.meanRow = Nd4j.createFromArray(mean).reshape(1, 2);
        this.cholT = Nd4j.createFromArray(new double[][] {{l00, l10}, {0, l11}});
    }

    /** ½ log det(2πS): the log-normaliser of the data's exp(−½(x−m)ᵀS⁻¹(x−m)). */
    double logZ() {
        return Math.log(2 * Math.PI) + 0.5 * Math.log(Linalg.det(cov));
    }

    @Override
    public long[] sampleShape() {
        return new long[] {2};
    }

    @Override
    public INDArray batch(int n, Rng rng, DataType dtype) {
        INDArray z = rng.normal(DataType.DOUBLE, n, 2);
        return Nd4j.gemm(z, cholT, false, false).addiRowVector(meanRow).castTo(dtype);
    }

    @Override
    public Box bounds() {
        double r0 = 4 * Math.sqrt(cov[0][0]);
        double r1 = 4 * Math.sqrt(cov[1][1]);
        return new Box(new double[] {mean[0] - r0, mean[1] - r1}, new double[] {mean[0] + r0, mean[1] + r1});
    }
}
