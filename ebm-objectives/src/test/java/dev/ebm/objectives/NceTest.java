package dev.ebm.objectives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code nce} on Gaussian data with a Gaussian energy that has no normaliser of its own: the learned mean,
 * precision and log Z must be the data's, and log Z must be the normaliser ½ log det(2πΣ) of the learned energy.
 */
class NceTest {
    private static final GaussianData DATA = new GaussianData(new double[] {1.0, -0.5},
            new double[][] {{1.0, 0.6}, {0.6, 0.8}});
    /** Tolerances: mean (data std ≈ 1), precision (max-entry relative error), log Z (nats). */
    private static final double MEAN_TOL = 0.03;
    private static final double PRECISION_TOL = 0.05;
    private static final double LOGZ_TOL = 0.03;

    @BeforeAll
    static void float64() {
        Fixtures.float64();
    }

    private static GaussianEnergy start() {
        return new GaussianEnergy(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
    }

    private static void assertRecovered(String label, GaussianEnergy e, double logZ) {
        double[] mu = e.mu();
        double[][] lam = e.precision();
        double[][] trueLam = Linalg.inverse(DATA.cov);
        double precisionError = Linalg.relError(lam, trueLam);
        System.out.printf("%s: mu = (%.4f, %.4f), precision rel. error %.4f, log Z = %.4f (learned Gaussian's "
                + "%.4f, data's %.4f)%n", label, mu[0], mu[1], precisionError, logZ, e.logZ(), DATA.logZ());
        assertThat(mu[0]).isCloseTo(DATA.mean[0], within(MEAN_TOL));
        assertThat(mu[1]).isCloseTo(DATA.mean[1], within(MEAN_TOL));
        assertThat(precisionError).isLessThan(PRECISION_TOL);
        assertThat(logZ).as("log Z vs the learned energy's normaliser").isCloseTo(e.logZ(), within(LOGZ_TOL));
        assertThat(logZ).as("log Z vs the data's normaliser").isCloseTo(DATA.logZ(), within(LOGZ_TOL));
    }

    @Test
    void nceWithWiderExplicitNoiseRecoversMeanPrecisionAndLogZ() {
        GaussianEnergy e = start();
        ObjectiveTerm term = Fixtures.term("{\"type\":\"nce\",\"ratio\":4,\"noise\":{\"mean\":[0,0],\"std\":3}}");
        Map<String, double[]> fit = Fit.adam(e, term, DATA, 1500, 256, 0.02, 1);
        Fit.load(e, fit);
        assertRecovered("nce, noise N(0, 3²I), ratio 4", e, fit.get("term.logZ")[0]);
    }

    @Test
    void nceWithNoiseFittedToTheDataRecoversMeanPrecisionAndLogZ() {
        GaussianEnergy e = start();
        ObjectiveTerm term = Fixtures.term("{\"type\":\"nce\"}");
        term.prepare(DATA, new Rng(5));
        Map<String, double[]> fit = Fit.adam(e, term, DATA, 1500, 256, 0.02, 2);
        Fit.load(e, fit);
        assertRecovered("nce, fitted noise, ratio 1", e, fit.get("term.logZ")[0]);
    }

    @Test
    void fittedNoiseIsTheDataGaussianAndDependsOnlyOnThePreparationGenerator() {
        NceTerm a = (NceTerm) Fixtures.term("{\"type\":\"nce\"}");
        NceTerm b = (NceTerm) Fixtures.term("{\"type\":\"nce\"}");
        NceTerm c = (NceTerm) Fixtures.term("{\"type\":\"nce\"}");
        a.prepare(DATA, new Rng(9).fork(0));
        b.prepare(DATA, new Rng(9).fork(0));
        c.prepare(DATA, new Rng(9).fork(1));
        assertThat(a.noise().mean()).containsExactly(b.noise().mean());
        assertThat(a.noise().covariance()).isDeepEqualTo(b.noise().covariance());
        assertThat(a.noise().mean()).isNotEqualTo(c.noise().mean());
        // 10,000 points: the mean's standard error is ≈ 0.01, the covariance entries' ≈ 0.015
        for (int i = 0; i < 2; i++) {
            assertThat(a.noise().mean()[i]).isCloseTo(DATA.mean[i], within(0.05));
            for (int j = 0; j < 2; j++) {
                assertThat(a.noise().covariance()[i][j]).isCloseTo(DATA.cov[i][j], within(0.07));
            }
        }
        // and its log-density is the Gaussian's
        INDArray x = DATA.batch(5, new Rng(1), DataType.DOUBLE);
        double[] lq = a.noise().logDensity(x).toDoubleVector();
        double[][] s = a.noise().covariance();
        double[][] si = Linalg.inverse(s);
        double[] m = a.noise().mean();
        double[][] rows = GaussianEnergy.rows(x);
        for (int k = 0; k < rows.length; k++) {
            double r0 = rows[k][0] - m[0];
            double r1 = rows[k][1] - m[1];
            double quad = r0 * (si[0][0] * r0 + si[0][1] * r1) + r1 * (si[1][0] * r0 + si[1][1] * r1);
            double want = -0.5 * quad - Math.log(2 * Math.PI) - 0.5 * Math.log(Linalg.det(s));
            assertThat(lq[k]).isCloseTo(want, within(1e-10));
        }
    }

    @Test
    void nceOwnsALogZParameterNeedsNoNegativesAndRefusesToRunUnprepared() {
        ObjectiveTerm t = Fixtures.term("{\"type\":\"nce\"}");
        assertThat(t.parameters().names()).containsExactly("logZ");
        assertThat(t.parameters().get("logZ").value().shape()).containsExactly(1L);
        assertThat(t.needsNegatives()).isFalse();
        GaussianEnergy e = start();
        INDArray x = DATA.batch(8, new Rng(1), DataType.DOUBLE);
        assertThatThrownBy(() -> t.loss(Fixtures.batch(x, null, e, new Rng(2))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prepare()");
    }

    @Test
    void nceGradientMatchesFiniteDifferencesIncludingLogZ() {
        GaussianEnergy e = new GaussianEnergy(new double[] {0.2, -0.1}, new double[][] {{1.1, 0.1}, {-0.2, 0.8}});
        ObjectiveTerm t = Fixtures.term("{\"type\":\"nce\",\"ratio\":3,\"noise\":{\"mean\":[0.5,0],\"std\":2}}");
        t.parameters().get("logZ").value().putScalar(0, 1.3);
        INDArray x = DATA.batch(40, new Rng(3), DataType.DOUBLE);
        List<Tensor> params = e.parameters().concat("t.", t.parameters()).tensors();
        // the noise draws come from the batch generator: the same generator gives the same draws
        Tensor loss = t.loss(Fixtures.batch(x, null, e, new Rng(4)));
        List<Tensor> g = Autodiff.grad(loss, params, false);
        double h = 1e-6;
        for (int p = 0; p < params.size(); p++) {
            INDArray arr = params.get(p).value();
            INDArray flat = arr.reshape(arr.length());
            for (int i = 0; i < arr.length(); i++) {
                double v = flat.getDouble(i);
                flat.putScalar(i, v + h);
                double up = t.loss(Fixtures.batch(x, null, e, new Rng(4))).item();
                flat.putScalar(i, v - h);
                double down = t.loss(Fixtures.batch(x, null, e, new Rng(4))).item();
                flat.putScalar(i, v);
                double fd = (up - down) / (2 * h);
                assertThat(g.get(p).value().reshape(arr.length()).getDouble(i)).as("parameter %d[%d]", p, i)
                        .isCloseTo(fd, within(1e-7 * (1 + Math.abs(fd))));
            }
        }
        assertThat(Math.abs(g.get(2).item())).isGreaterThan(1e-3);
    }
}
