package dev.ebm.runner.eval.image;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The mean and covariance of a set of feature vectors, in float64: what the Fréchet distance compares.
 *
 * @param count the number of vectors
 * @param mean {@code [d]}
 * @param covariance {@code [d][d]}, the unbiased sample covariance (divided by count − 1), symmetric
 */
public record FeatureStats(int count, double[] mean, double[][] covariance) {

    /** The statistics of the rows of {@code features} {@code [n, d]} (any float type; computed in float64). */
    public static FeatureStats of(INDArray features) {
        if (features.rank() != 2 || features.size(0) < 2) {
            throw new IllegalArgumentException("feature statistics need a matrix [n >= 2, d], found "
                    + java.util.Arrays.toString(features.shape()));
        }
        int n = (int) features.size(0);
        INDArray x = features.castTo(DataType.DOUBLE);
        INDArray mean = x.mean(0);
        INDArray centred = x.subRowVector(mean);
        INDArray cov = Nd4j.gemm(centred, centred, true, false).divi(n - 1);
        double[][] c = cov.toDoubleMatrix();
        int d = c.length;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double s = 0.5 * (c[i][j] + c[j][i]);
                c[i][j] = s;
                c[j][i] = s;
            }
        }
        return new FeatureStats(n, mean.toDoubleVector(), c);
    }

    public int dimension() {
        return mean.length;
    }
}
