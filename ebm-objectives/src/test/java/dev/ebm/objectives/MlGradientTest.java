package dev.ebm.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Rng;
import dev.ebm.api.TrainBatch;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code ml} (and {@code cd-star}, the same formula) against the closed-form NLL gradient of a Gaussian energy:
 * with exact model samples as negatives the term's gradient is an unbiased Monte-Carlo estimate of
 * ∇NLL = E_data[∇E] − E_model[∇E], so it must match the analytic value within a few standard errors.
 */
class MlGradientTest {
    private static final int N = 200_000;
    private static final double Z = 4.5;
    private static final GaussianData DATA = new GaussianData(new double[] {1.0, -0.5},
            new double[][] {{1.0, 0.6}, {0.6, 0.8}});

    @BeforeAll
    static void float64() {
        Fixtures.float64();
    }

    private static GaussianEnergy model() {
        return new GaussianEnergy(new double[] {0.3, 0.2}, new double[][] {{1.2, 0.0}, {0.4, 0.9}});
    }

    /** ∇NLL in the order [μ0, μ1, A00, A01, A10, A11], with the data's exact moments. */
    private static double[] analyticNllGradient(GaussianEnergy e) {
        double[] mu = e.mu();
        double[][] a = e.a();
        double[][] lam = e.precision();
        double[] dm = {DATA.mean[0] - mu[0], DATA.mean[1] - mu[1]};
        // E_data[(x−μ)(x−μ)ᵀ] = S + (m−μ)(m−μ)ᵀ
        double[][] c = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                c[i][j] = DATA.cov[i][j] + dm[i] * dm[j];
            }
        }
        // ∇_A log Z = −A⁻ᵀ
        double[][] aInv = Linalg.inverse(a);
        double[] g = new double[6];
        g[0] = -(lam[0][0] * dm[0] + lam[0][1] * dm[1]);
        g[1] = -(lam[1][0] * dm[0] + lam[1][1] * dm[1]);
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 2; j++) {
                g[2 + 2 * k + j] = c[k][0] * a[0][j] + c[k][1] * a[1][j] - aInv[j][k];
            }
        }
        return g;
    }

    private static double[] autodiffGradient(ObjectiveTerm term, GaussianEnergy e, TrainBatch batch) {
        Tensor loss = term.loss(batch);
        List<Tensor> g = Autodiff.grad(loss, e.parameters().tensors(), false);
        double[] mu = g.get(0).value().ravel().toDoubleVector();
        double[] a = g.get(1).value().ravel().toDoubleVector();
        return new double[] {mu[0], mu[1], a[0], a[1], a[2], a[3]};
    }

    /** Per-sample energy gradients' mean and variance, per parameter. */
    private static double[][] moments(GaussianEnergy e, INDArray x) {
        double[][] rows = GaussianEnergy.rows(x);
        GaussianEnergy.Frozen f = e.frozen();
        double[] mean = new double[6];
        double[] sq = new double[6];
        for (double[] r : rows) {
            double[] g = f.paramGrad(r);
            for (int k = 0; k < 6; k++) {
                mean[k] += g[k];
                sq[k] += g[k] * g[k];
            }
        }
        double[] var = new double[6];
        for (int k = 0; k < 6; k++) {
            mean[k] /= rows.length;
            var[k] = (sq[k] / rows.length - mean[k] * mean[k]) * rows.length / (rows.length - 1.0);
        }
        return new double[][] {mean, var};
    }

    @Test
    void mlWithExactModelSamplesGivesTheAnalyticNllGradientWithinItsMonteCarloError() {
        GaussianEnergy e = model();
        Rng rng = new Rng(42);
        INDArray xPos = DATA.batch(N, rng.split(), DataType.DOUBLE);
        INDArray xNeg = e.sample(rng.split(), N);
        double[] got = autodiffGradient(Fixtures.term("{\"type\":\"ml\"}"), e, Fixtures.batch(xPos, xNeg, e, rng));
        double[] want = analyticNllGradient(e);
        double[][] pos = moments(e, xPos);
        double[][] neg = moments(e, xNeg);
        double maxZ = 0;
        for (int k = 0; k < 6; k++) {
            double se = Math.sqrt(pos[1][k] / N + neg[1][k] / N);
            // the term's gradient is exactly the difference of the sample means of ∇E
            assertThat(got[k]).as("component %d vs per-sample mean", k)
                    .isCloseTo(pos[0][k] - neg[0][k], org.assertj.core.api.Assertions.within(1e-9));
            double z = Math.abs(got[k] - want[k]) / se;
            maxZ = Math.max(maxZ, z);
            assertThat(z).as("component %d: got %s, analytic %s, se %s", k, got[k], want[k], se).isLessThan(Z);
        }
        // the test has power: the gradient is many standard errors away from zero
        double norm = 0;
        double seNorm = 0;
        for (int k = 0; k < 6; k++) {
            norm += want[k] * want[k];
            seNorm += pos[1][k] / N + neg[1][k] / N;
        }
        assertThat(Math.sqrt(norm / seNorm)).isGreaterThan(50);
        System.out.printf("ml vs analytic NLL gradient: max |z| = %.2f over 6 components (N = %d)%n", maxZ, N);
    }

    @Test
    void mlWithNegativesFromAnotherDistributionIsFarFromTheNllGradient() {
        // negative control: data samples as negatives (a chain that never moved) make the gradient ≈ 0
        GaussianEnergy e = model();
        Rng rng = new Rng(43);
        INDArray xPos = DATA.batch(N, rng.split(), DataType.DOUBLE);
        INDArray xNeg = DATA.batch(N, rng.split(), DataType.DOUBLE);
        double[] got = autodiffGradient(Fixtures.term("{\"type\":\"ml\"}"), e, Fixtures.batch(xPos, xNeg, e, rng));
        double[] want = analyticNllGradient(e);
        double[][] pos = moments(e, xPos);
        double[][] neg = moments(e, xNeg);
        double maxZ = 0;
        for (int k = 0; k < 6; k++) {
            maxZ = Math.max(maxZ, Math.abs(got[k] - want[k]) / Math.sqrt(pos[1][k] / N + neg[1][k] / N));
        }
        assertThat(maxZ).isGreaterThan(10 * Z);
    }

    @Test
    void cdStarEqualsMlNumerically() {
        GaussianEnergy e = model();
        Rng rng = new Rng(7);
        INDArray xPos = DATA.batch(300, rng.split(), DataType.DOUBLE);
        INDArray xNeg = e.sample(rng.split(), 200);
        ObjectiveTerm ml = Fixtures.term("{\"type\":\"ml\"}");
        ObjectiveTerm cdStar = Fixtures.term("{\"type\":\"cd-star\"}");
        assertThat(cdStar.needsNegatives()).isTrue();
        double lossMl = ml.loss(Fixtures.batch(xPos, xNeg, e, rng)).item();
        double lossCd = cdStar.loss(Fixtures.batch(xPos, xNeg, e, rng)).item();
        assertThat(lossCd).isEqualTo(lossMl);
        assertThat(lossMl).isNotZero();
        assertThat(autodiffGradient(cdStar, e, Fixtures.batch(xPos, xNeg, e, rng)))
                .containsExactly(autodiffGradient(ml, e, Fixtures.batch(xPos, xNeg, e, rng)));
    }
}
