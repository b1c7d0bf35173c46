package dev.ebm.objectives;

import static org.assertj.core.api.Assertions.assertThat;
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

/** {@code dsm}: on data N(μ, Σ) the learned Gaussian is N(μ, Σ + σ²I); its loss is differentiable in θ. */
class DsmTest {
    private static final GaussianData DATA = new GaussianData(new double[] {1.0, -0.5},
            new double[][] {{1.0, 0.6}, {0.6, 0.8}});
    private static final double SIGMA = 0.5;
    /** Tolerances: mean (data std ≈ 1) and covariance (max-entry relative error). */
    private static final double MEAN_TOL = 0.03;
    private static final double COV_TOL = 0.03;

    @BeforeAll
    static void float64() {
        Fixtures.float64();
    }

    @Test
    void dsmRecoversTheDataGaussianConvolvedWithTheNoise() {
        GaussianEnergy e = new GaussianEnergy(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        ObjectiveTerm term = Fixtures.term("{\"type\":\"dsm\",\"sigma\":" + SIGMA + "}");
        assertThat(term.needsNegatives()).isFalse();
        Map<String, double[]> fit = Fit.adam(e, term, DATA, 1500, 256, 0.02, 3);
        Fit.load(e, fit);
        double[][] want = {{DATA.cov[0][0] + SIGMA * SIGMA, DATA.cov[0][1]},
            {DATA.cov[1][0], DATA.cov[1][1] + SIGMA * SIGMA}};
        double[][] cov = e.covariance();
        double[] mu = e.mu();
        double err = Linalg.relError(cov, want);
        double errVsData = Linalg.relError(cov, DATA.cov);
        System.out.printf("dsm sigma %.2f: mu = (%.4f, %.4f), covariance [[%.4f, %.4f], [%.4f, %.4f]], rel. error "
                + "vs Σ + σ²I %.4f, vs Σ %.4f%n", SIGMA, mu[0], mu[1], cov[0][0], cov[0][1], cov[1][0], cov[1][1],
                err, errVsData);
        assertThat(mu[0]).isCloseTo(DATA.mean[0], within(MEAN_TOL));
        assertThat(mu[1]).isCloseTo(DATA.mean[1], within(MEAN_TOL));
        assertThat(err).isLessThan(COV_TOL);
        // and not the noise-free Σ: the test tells the two apart
        assertThat(errVsData).isGreaterThan(3 * COV_TOL);
    }

    @Test
    void dsmGradientThroughTheInputGradientMatchesFiniteDifferences() {
        GaussianEnergy e = new GaussianEnergy(new double[] {0.2, -0.1}, new double[][] {{1.1, 0.1}, {-0.2, 0.8}});
        ObjectiveTerm t = Fixtures.term("{\"type\":\"dsm\",\"sigma\":0.3}");
        INDArray x = DATA.batch(30, new Rng(3), DataType.DOUBLE);
        List<Tensor> params = e.parameters().tensors();
        Tensor loss = t.loss(Fixtures.batch(x, null, e, new Rng(4)));
        // value against the closed form: ½ mean ‖σΛ(x̃ − μ) − ξ‖² with the same noise ξ
        INDArray xi = new Rng(4).normal(DataType.DOUBLE, x.shape());
        double[][] xs = GaussianEnergy.rows(x);
        double[][] xis = GaussianEnergy.rows(xi);
        double[][] lam = e.precision();
        double[] mu = e.mu();
        double want = 0;
        for (int i = 0; i < xs.length; i++) {
            double r0 = xs[i][0] + 0.3 * xis[i][0] - mu[0];
            double r1 = xs[i][1] + 0.3 * xis[i][1] - mu[1];
            double g0 = 0.3 * (lam[0][0] * r0 + lam[0][1] * r1) - xis[i][0];
            double g1 = 0.3 * (lam[1][0] * r0 + lam[1][1] * r1) - xis[i][1];
            want += 0.5 * (g0 * g0 + g1 * g1) / xs.length;
        }
        assertThat(loss.item()).isCloseTo(want, within(1e-12));
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
                assertThat(Math.abs(fd)).isGreaterThan(1e-4);
            }
        }
    }
}
