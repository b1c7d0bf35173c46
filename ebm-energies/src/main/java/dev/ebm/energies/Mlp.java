package dev.ebm.energies;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Nonlinearity;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.MlpSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E(x) = w_out·a(… a(x W₁ + b₁) …) + b_out (+ c‖x‖²) on flattened x. Weights are {@code w0, b0, w1, b1, …} with
 * {@code w_i} of shape [in, out] and {@code b_i} of shape [1, out], initialised as PyTorch's {@code nn.Linear}
 * (uniform in ±1/√fan_in). With {@code spectralNorm}, the hidden layers' weights (and the output's, with
 * {@code spectralNormOutput}) are used divided by their spectral norm ({@link SpectralNorm}); its vectors are drawn
 * after all weights, so the weights do not depend on the option.
 */
public final class Mlp implements EnergyFunction {
    private final MlpSpec spec;
    private final int layers;
    private final ParameterSet params;
    private final SpectralNorm norm;

    public Mlp(MlpSpec spec, long inputSize, DataType dtype, Rng rng) {
        this.spec = spec;
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        long in = inputSize;
        List<Integer> widths = new java.util.ArrayList<>(spec.hidden());
        widths.add(1);
        for (int i = 0; i < widths.size(); i++) {
            long out = widths.get(i);
            double bound = 1.0 / Math.sqrt(in);
            arrays.put("w" + i, rng.uniform(dtype, in, out).muli(2 * bound).subi(bound));
            arrays.put("b" + i, rng.uniform(dtype, 1, out).muli(2 * bound).subi(bound));
            in = out;
        }
        this.layers = widths.size();
        this.params = ParameterSet.trainable(arrays);
        this.norm = spec.spectralNorm() ? new SpectralNorm() : null;
        int normalised = layers - (spec.spectralNormOutput() ? 0 : 1);
        for (int i = 0; norm != null && i < normalised; i++) {
            norm.add("w" + i, arrays.get("w" + i), true, rng);
        }
    }

    @Override
    public ParameterSet parameters() {
        return params;
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet p) {
        long n = x.shape()[0];
        Tensor flat = x.rank() == 2 ? x : x.reshape(n, x.value().length() / n);
        Tensor h = flat;
        for (int i = 0; i < layers; i++) {
            h = h.matmul(weight(p, i));
            h = i < layers - 1 ? activate(h, p.get("b" + i)) : h.add(p.get("b" + i));
        }
        Tensor e = h.reshape(n);
        if (spec.quadratic() > 0) {
            e = e.add(flat.square().sum(false, 1).mul(spec.quadratic()));
        }
        return e;
    }

    /** Weight i as the layer uses it: spectrally normalised when it is. */
    private Tensor weight(ParameterSet p, int i) {
        Tensor w = p.get("w" + i);
        return norm != null && norm.covers("w" + i) ? norm.normalise("w" + i, w) : w;
    }

    /** The spectral normalisation of the weights, or null without {@code spectralNorm}. */
    SpectralNorm spectralNorm() {
        return norm;
    }

    @Override
    public Map<String, INDArray> state() {
        return norm == null ? Map.of() : norm.state();
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        if (norm != null) {
            norm.restore(state, "mlp");
        }
    }

    @Override
    public void afterUpdate() {
        if (norm != null) {
            norm.iterate(params);
        }
    }

    /** a(h + b); the smooth activations add the bias in the same op. */
    private Tensor activate(Tensor h, Tensor b) {
        return switch (spec.activation()) {
            case "swish" -> h.addBiasThen(b, Nonlinearity.SWISH);
            case "softplus" -> h.addBiasThen(b, Nonlinearity.SOFTPLUS);
            case "leaky-relu" -> h.add(b).leakyRelu(spec.leak());
            case "elu" -> h.add(b).elu(1.0);
            case "tanh" -> h.addBiasThen(b, Nonlinearity.TANH);
            case "sigmoid" -> h.addBiasThen(b, Nonlinearity.SIGMOID);
            default -> throw new IllegalStateException("unknown activation " + spec.activation());
        };
    }
}
