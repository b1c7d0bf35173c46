package dev.ebm.energies;

import static dev.ebm.energies.EnergyChecks.energy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.EnergyFunction;
import dev.ebm.autodiff.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Spectral normalisation of cnn and mlp weights: σ, its gradients, and when it changes. */
class SpectralNormTest {
    private static final String CNN = "{\"type\":\"cnn\",\"channels\":[3,4],\"strides\":[1,2],\"head\":[6],"
            + "\"spectralNorm\":true,\"spectralNormOutput\":true}";
    private static final String MLP = "{\"type\":\"mlp\",\"hidden\":[7,5],\"spectralNorm\":true}";

    /** The largest singular value by LAPACK's SVD (float64). */
    private static double largestSingularValue(INDArray m) {
        INDArray a = m.castTo(DataType.DOUBLE).dup('f');
        long k = Math.min(a.rows(), a.columns());
        INDArray s = Nd4j.create(DataType.DOUBLE, k);
        Nd4j.getBlasWrapper().lapack().gesvd(a, s, null, null);
        return s.maxNumber().doubleValue();
    }

    /** A weight as the matrix [out, in·kh·kw] that spectral norm normalises. */
    private static INDArray matrix(INDArray w) {
        return w.rank() == 4 ? w.reshape('c', w.size(0), w.length() / w.size(0)) : w.transpose();
    }

    @Test
    void sigmaConvergesToTheLargestSingularValueOfEveryNormalisedWeight() {
        for (String json : new String[] {CNN, MLP}) {
            EnergyFunction e = energy(json, DataType.DOUBLE, 1, 6, 6);
            SpectralNorm norm = e instanceof Cnn c ? c.spectralNorm() : ((Mlp) e).spectralNorm();
            for (int it = 0; it < 300; it++) {
                e.afterUpdate();
            }
            Map<String, INDArray> w = e.parameters().arrays();
            int normalised = 0;
            for (String name : w.keySet()) {
                if (!norm.covers(name)) {
                    continue;
                }
                normalised++;
                double svd = largestSingularValue(matrix(w.get(name)));
                assertThat(norm.sigma(name, w.get(name))).as("%s of %s", name, json)
                        .isCloseTo(svd, within(1e-3 * svd));
                // the weight the layer uses has spectral norm 1
                INDArray used = norm.normalise(name, Tensor.constant(w.get(name))).value();
                assertThat(largestSingularValue(matrix(used))).isCloseTo(1.0, within(1e-3));
            }
            // cnn: both convolutions, the hidden dense layer and (spectralNormOutput) the output; mlp: hidden only
            assertThat(normalised).isEqualTo(e instanceof Cnn ? 4 : 2);
        }
    }

    /** One iteration from u₀ is PyTorch's: v = Mᵀu₀/‖Mᵀu₀‖, u = Mv/‖Mv‖, σ = uᵀMv (here by hand, in doubles). */
    @Test
    void oneIterationIsPytorchsPowerIteration() {
        EnergyFunction e = energy("{\"type\":\"mlp\",\"hidden\":[2],\"spectralNorm\":true}", DataType.DOUBLE, 3);
        // the mlp's first weight is stored [in = 3, out = 2]: M = Wᵀ is 2 × 3
        INDArray w = e.parameters().arrays().get("w0");
        w.assign(Nd4j.createFromArray(new double[][] {{1, 4}, {2, 5}, {3, 6}}));
        e.restore(Map.of("w0.u", Nd4j.createFromArray(new double[][] {{1}, {0}}), "w0.v",
                Nd4j.zeros(DataType.DOUBLE, 3, 1)));
        e.afterUpdate();
        double[][] m = {{1, 2, 3}, {4, 5, 6}};
        double[] v = {1, 2, 3}; // Mᵀ·(1, 0)
        normalise(v);
        double[] u = {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] + m[1][1] * v[1]
            + m[1][2] * v[2]};
        double sigmaTimesNorm = Math.sqrt(u[0] * u[0] + u[1] * u[1]);
        normalise(u);
        assertThat(e.state().get("w0.v").toDoubleVector()).containsExactly(v, within(1e-12));
        assertThat(e.state().get("w0.u").toDoubleVector()).containsExactly(u, within(1e-12));
        // σ = uᵀ M v = ‖M v‖ after the iteration
        assertThat(((Mlp) e).spectralNorm().sigma("w0", w)).isCloseTo(sigmaTimesNorm, within(1e-12));
    }

    private static void normalise(double[] a) {
        double n = 0;
        for (double x : a) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < a.length; i++) {
            a[i] /= n;
        }
    }

    @Test
    void gradientsThroughTheNormalisedWeightsMatchFiniteDifferencesWithUHeldFixed() {
        Nd4j.getRandom().setSeed(11);
        EnergyFunction cnn = energy("{\"type\":\"cnn\",\"channels\":[2,3],\"strides\":[2,1],\"padding\":0,"
                + "\"head\":[4],\"spectralNorm\":true,\"spectralNormOutput\":true}", DataType.DOUBLE, 2, 7, 7);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 2, 7, 7).subi(0.5);
        EnergyChecks.gradientsMatchFiniteDifferences(cnn, x);
        EnergyChecks.inputGradientNormGradientMatchesFiniteDifferences(cnn, x);
        EnergyFunction mlp = energy("{\"type\":\"mlp\",\"hidden\":[6,5],\"activation\":\"tanh\","
                + "\"spectralNorm\":true}", DataType.DOUBLE, 4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 4).subi(0.5).muli(3);
        EnergyChecks.gradientsMatchFiniteDifferences(mlp, y);
        EnergyChecks.inputGradientNormGradientMatchesFiniteDifferences(mlp, y);
    }

    @Test
    void theEnergyChangesOnlyAfterAnUpdateAndItsStateRestoresIt() {
        EnergyFunction e = energy(CNN, DataType.FLOAT, 1, 6, 6);
        Map<String, INDArray> before = copy(e.state());
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 6, 6);
        INDArray first = e.energy(Tensor.constant(x)).value().dup();
        Tensor xt = Tensor.variable(x);
        dev.ebm.autodiff.Autodiff.grad(e.energy(xt).sum(), xt, true);
        INDArray second = e.energy(Tensor.constant(x), e.parameters().detached()).value();
        // bit for bit: evaluations (with or without gradients, any parameter view) never move u or v
        assertThat(second.toDoubleVector()).containsExactly(first.toDoubleVector());
        assertThat(e.state()).isEqualTo(before);

        e.afterUpdate();
        assertThat(e.state()).isNotEqualTo(before);
        assertThat(e.energy(Tensor.constant(x)).value().toDoubleVector()).isNotEqualTo(first.toDoubleVector());

        // another energy with the same weights and the restored state is the same function, bit for bit
        EnergyFunction other = EnergyChecks.seeded(CNN, DataType.FLOAT, 99, 1, 6, 6);
        other.parameters().arrays().forEach((name, a) -> a.assign(e.parameters().arrays().get(name)));
        other.restore(before);
        assertThat(other.energy(Tensor.constant(x)).value().toDoubleVector())
                .containsExactly(first.toDoubleVector());
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> state) {
        Map<String, INDArray> m = new java.util.LinkedHashMap<>();
        state.forEach((k, v) -> m.put(k, v.dup()));
        return m;
    }
}
