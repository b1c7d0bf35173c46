package dev.ebm.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StartDensity;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.estimators.generator.NoiseFreeChains;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The noise-free generator's exact density on a Gaussian energy, where gradient descent is linear:
 * x_K − μ = (I − hA)^K (x₀ − μ) with A = Σ⁻¹, so from q₀ = N(0, s²I) the output is Gaussian with mean μ − Bμ and
 * covariance s²BBᵀ, B = (I − hA)^K, in closed form.
 */
class NoiseFreeChainsTest {
    private static final double[] MU = {0.5, -1.0};
    private static final double[][] SIGMA = {{1.0, 0.6}, {0.6, 2.0}};
    private static final double S = 1.5;

    private static <T> T bind(String json, Class<T> type) {
        try {
            return new SpecBinder(Fixtures.REGISTRY).bind(new ObjectMapper().readTree(json), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T create(String json, Class<?> type) {
        return Fixtures.REGISTRY.create(bind(json, type), new PluginContext(Fixtures.F64, new long[] {2}, null,
                Fixtures.REGISTRY, new Rng(0)));
    }

    private static EnergyFunction energy() {
        return Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0.5,-1.0],\"covariance\":[[1.0,0.6],[0.6,2.0]],"
                + "\"offset\":1.0}");
    }

    private static NoiseFreeChains.Result run(double h, int steps, String extra) {
        NegativeSource noise = create("{\"type\":\"noise\",\"init\":\"gaussian\",\"std\":" + S + "}",
                NegativeSourceSpec.class);
        INDArray x0 = noise.draw(1000, null, new Rng(5));
        SamplerKernel gd = create("{\"type\":\"gd\",\"steps\":" + steps + ",\"stepSize\":" + h + extra + "}",
                SamplerSpec.class);
        return NoiseFreeChains.run(energy(), gd, h, x0, ((StartDensity) noise).logStartDensity(x0), new Rng(6));
    }

    /** log N(x; m, C) for each row of x. */
    private static double[] logGaussian(double[][] x, double[] m, RealMatrix c) {
        RealMatrix inv = new LUDecomposition(c).getSolver().getInverse();
        double logDet = Math.log(new LUDecomposition(c).getDeterminant());
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] r = {x[i][0] - m[0], x[i][1] - m[1]};
            double q = 0;
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    q += r[a] * inv.getEntry(a, b) * r[b];
                }
            }
            out[i] = -0.5 * q - 0.5 * logDet - Math.log(2 * Math.PI);
        }
        return out;
    }

    private static double[] closedForm(NoiseFreeChains.Result r, double h) {
        int steps = r.steps();
        RealMatrix a = new LUDecomposition(new Array2DRowRealMatrix(SIGMA)).getSolver().getInverse();
        RealMatrix step = MatrixUtils.createRealIdentityMatrix(2).subtract(a.scalarMultiply(h));
        RealMatrix b = MatrixUtils.createRealIdentityMatrix(2);
        for (int k = 0; k < steps; k++) {
            b = step.multiply(b);
        }
        double[] bmu = b.operate(MU);
        double[] mean = {MU[0] - bmu[0], MU[1] - bmu[1]};
        RealMatrix cov = b.multiply(b.transpose()).scalarMultiply(S * S);
        return logGaussian(r.x().toDoubleMatrix(), mean, cov);
    }

    private static double lambdaMax() {
        RealMatrix a = new LUDecomposition(new Array2DRowRealMatrix(SIGMA)).getSolver().getInverse();
        return new org.apache.commons.math3.linear.EigenDecomposition(a).getRealEigenvalues()[0];
    }

    @Test
    void theExactDensityOfGradientDescentOnAGaussianIsTheClosedFormGaussian() {
        double h = 0.2;
        NoiseFreeChains.Result r = run(h, 12, "");
        double[] exact = closedForm(r, h);
        for (int i = 0; i < exact.length; i++) {
            assertThat(r.logDensity()[i]).isCloseTo(exact[i], within(1e-9));
        }
        // the Hessian is A everywhere: h·λ_max(A) on every chain, below 1, so the map is injective
        assertThat(r.worstHLambda()).isCloseTo(h * lambdaMax(), within(1e-9));
        assertThat(r.shareBroken()).isZero();
        // the density moves: the output is far more concentrated than q0
        assertThat(r.entropy()).isLessThan(-mean(r.logStart()) - 1);
    }

    @Test
    void aStepBeyondTheInjectivityBoundIsReportedOnEveryChain() {
        double h = 1.2 / lambdaMax();
        NoiseFreeChains.Result r = run(h, 3, "");
        assertThat(r.worstHLambda()).isCloseTo(1.2, within(1e-9));
        assertThat(r.shareBroken()).isEqualTo(1.0);
        // a linear map with no eigenvalue exactly 1 − hλ = 0 is still invertible: the formula still holds here
        double[] exact = closedForm(r, h);
        assertThat(r.logDensity()[0]).isCloseTo(exact[0], within(1e-8));
    }

    @Test
    void aKernelWhoseStepIsNotPlainGradientDescentIsRefused() {
        assertThatThrownBy(() -> run(0.2, 2, ",\"gradClip\":0.01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not x' = x - h*grad E(x)");
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v / a.length;
        }
        return s;
    }
}
