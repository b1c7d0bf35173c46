package dev.ebm.runner.eval.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Rng;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FrechetDistanceTest {

    /** n draws of N(mean, A·Aᵀ) as rows. */
    private static INDArray gaussian(int n, double[] mean, double[][] a, Rng rng) {
        INDArray z = rng.normal(DataType.DOUBLE, n, mean.length);
        INDArray x = z.mmul(Nd4j.createFromArray(a).transpose());
        return x.addiRowVector(Nd4j.createFromArray(mean));
    }

    @Test
    void twoDimensionalGaussiansMatchTheClosedForm() {
        // Σ₁ = diag(1, 4), Σ₂ = [[2, 1], [1, 2]]: they do not commute. For 2×2 PSD M, tr √M = √(tr M + 2√det M),
        // and Σ₁^½Σ₂Σ₁^½ has trace tr(Σ₁Σ₂) = 10 and determinant det Σ₁·det Σ₂ = 12.
        double[] m1 = {0.5, -1};
        double[] m2 = {-0.5, -0.5};
        double[][] a1 = {{1, 0}, {0, 2}};
        double[][] a2 = {{Math.sqrt(2), 0}, {1 / Math.sqrt(2), Math.sqrt(1.5)}};
        double expected = 1.25 + 5 + 4 - 2 * Math.sqrt(10 + 2 * Math.sqrt(12));
        Rng rng = new Rng(11);
        FeatureStats s1 = FeatureStats.of(gaussian(200_000, m1, a1, rng));
        FeatureStats s2 = FeatureStats.of(gaussian(200_000, m2, a2, rng));
        assertThat(FrechetDistance.between(s1, s2)).isCloseTo(expected, within(0.03));
        assertThat(FrechetDistance.between(s2, s1)).isCloseTo(expected, within(0.03));
    }

    @Test
    void rotatedCovarianceAgainstAnIsotropicOneMatchesTheClosedForm() {
        // Σ₁ = s·I, Σ₂ = R diag(b) Rᵀ: (Σ₁^½Σ₂Σ₁^½)^½ = √s R diag(√b) Rᵀ, so the trace term is tr Σ₁ + tr Σ₂ − 2√s Σ√bᵢ.
        int d = 16;
        double s = 0.7;
        Rng rng = new Rng(5);
        double[] b = new double[d];
        double[] m2 = new double[d];
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            b[i] = 0.2 + 2.5 * rng.nextDouble();
            m2[i] = 0.3 * (rng.nextDouble() - 0.5);
            meanTerm += m2[i] * m2[i];
        }
        RealMatrix r = new QRDecomposition(MatrixUtils.createRealMatrix(
                rng.normal(DataType.DOUBLE, d, d).toDoubleMatrix())).getQ();
        double[] rootB = new double[d];
        double sumRootB = 0;
        double sumB = 0;
        for (int i = 0; i < d; i++) {
            rootB[i] = Math.sqrt(b[i]);
            sumRootB += rootB[i];
            sumB += b[i];
        }
        double[][] a2 = r.multiply(MatrixUtils.createRealDiagonalMatrix(rootB)).getData();
        double[][] a1 = MatrixUtils.createRealIdentityMatrix(d).scalarMultiply(Math.sqrt(s)).getData();
        double expected = meanTerm + d * s + sumB - 2 * Math.sqrt(s) * sumRootB;
        FeatureStats s1 = FeatureStats.of(gaussian(100_000, new double[d], a1, rng));
        FeatureStats s2 = FeatureStats.of(gaussian(100_000, m2, a2, rng));
        // the plug-in estimate is biased upwards by O(d/n); 1.5 % covers it and the sampling noise here
        assertThat(FrechetDistance.between(s1, s2)).isCloseTo(expected, within(0.015 * expected));
    }

    @Test
    void diagonalCovariancesGiveTheSumOfSquaredRootDifferences() {
        double[] a = {1, 2, 3, 0.5};
        double[] b = {4, 2, 0.25, 0.5};
        double[][] ca = new double[4][4];
        double[][] cb = new double[4][4];
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            ca[i][i] = a[i];
            cb[i][i] = b[i];
            expected += Math.pow(Math.sqrt(a[i]) - Math.sqrt(b[i]), 2);
        }
        double d = FrechetDistance.between(new FeatureStats(10, new double[4], ca),
                new FeatureStats(10, new double[4], cb));
        assertThat(d).isCloseTo(expected, within(1e-12));
    }

    @Test
    void identicalSetsAreAtDistanceZero() {
        Rng rng = new Rng(3);
        INDArray x = rng.normal(DataType.DOUBLE, 5000, 64).muli(rng.uniform(DataType.DOUBLE, 1, 64).addi(0.5))
                .addiRowVector(rng.normal(DataType.DOUBLE, 64));
        FeatureStats s = FeatureStats.of(x);
        double trace = 0;
        for (int i = 0; i < 64; i++) {
            trace += s.covariance()[i][i];
        }
        assertThat(Math.abs(FrechetDistance.between(s, s))).isLessThan(1e-9 * trace);
    }

    @Test
    void featureStatisticsAreTheSampleMeanAndUnbiasedCovariance() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 0}, {5, 4}});
        FeatureStats s = FeatureStats.of(x.castTo(DataType.FLOAT));
        assertThat(s.mean()).containsExactly(new double[] {3, 2}, within(1e-6));
        // deviations (-2, 0), (0, -2), (2, 2): Σ = [[8, 4], [4, 8]] / 2
        assertThat(s.covariance()[0]).containsExactly(new double[] {4, 2}, within(1e-6));
        assertThat(s.covariance()[1]).containsExactly(new double[] {2, 4}, within(1e-6));
    }
}
