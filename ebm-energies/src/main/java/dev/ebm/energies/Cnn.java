package dev.ebm.energies;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.spec.SpecException;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.CnnSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E(x) = w_out·flatten(a(conv_L(… a(conv_1(x)) …))) + b_out on images x of shape [N, C, H, W], as PyTorch's
 * {@code nn.Sequential(Conv2d, act, …, Conv2d, act, Flatten, Linear(features, 1))}. Parameters: for each
 * convolution i, {@code w<i>} [outC, inC, k, k] and {@code b<i>} [outC]; then the dense layer {@code w<L>}
 * [features, 1] (PyTorch's weight transposed) and {@code b<L>} [1, 1]. All are initialised as PyTorch does by
 * default: uniform in ±1/√fan_in, with fan_in = inC·k·k for a convolution and the feature count for the dense
 * layer.
 */
public final class Cnn implements EnergyFunction {
    private final CnnSpec spec;
    private final long[] sampleShape;
    private final long features;
    private final ParameterSet params;

    public Cnn(CnnSpec spec, long[] sampleShape, DataType dtype, Rng rng) {
        this.spec = spec;
        this.sampleShape = sampleShape.clone();
        long[] out = outputShape(spec, sampleShape);
        this.features = out[0] * out[1] * out[2];
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        long in = sampleShape[0];
        int k = spec.kernel();
        int layers = spec.channels().size();
        for (int i = 0; i < layers; i++) {
            long outC = spec.channels().get(i);
            double bound = 1.0 / Math.sqrt(in * k * k);
            arrays.put("w" + i, uniform(rng, dtype, bound, outC, in, k, k));
            arrays.put("b" + i, uniform(rng, dtype, bound, outC));
            in = outC;
        }
        double bound = 1.0 / Math.sqrt(features);
        arrays.put("w" + layers, uniform(rng, dtype, bound, features, 1));
        arrays.put("b" + layers, uniform(rng, dtype, bound, 1, 1));
        this.params = ParameterSet.trainable(arrays);
    }

    private static INDArray uniform(Rng rng, DataType dtype, double bound, long... shape) {
        return rng.uniform(dtype, shape).muli(2 * bound).subi(bound);
    }

    /**
     * The shape [C, H, W] after the last convolution for samples of {@code sampleShape} [C, H, W], or a spec
     * problem if the samples are not images or the convolutions shrink them to nothing.
     */
    public static long[] outputShape(CnnSpec spec, long[] sampleShape) {
        if (sampleShape == null || sampleShape.length != 3) {
            throw new SpecException("type", "the cnn energy needs image samples of shape [C, H, W], found "
                    + Arrays.toString(sampleShape));
        }
        long h = sampleShape[1];
        long w = sampleShape[2];
        StringBuilder sizes = new StringBuilder(h + "x" + w);
        int k = spec.kernel();
        int p = spec.padding();
        for (int i = 0; i < spec.channels().size(); i++) {
            int s = spec.strides().get(i);
            h = Math.floorDiv(h + 2L * p - k, s) + 1;
            w = Math.floorDiv(w + 2L * p - k, s) + 1;
            sizes.append(" -> ").append(h).append("x").append(w);
            if (h < 1 || w < 1) {
                throw new SpecException("kernel", "a " + k + "x" + k + " kernel with padding " + p
                        + " does not fit: the spatial size of the " + sampleShape[1] + "x" + sampleShape[2]
                        + " input goes " + sizes + " at convolution " + i + " (stride " + s + ")");
            }
        }
        return new long[] {spec.channels().get(spec.channels().size() - 1), h, w};
    }

    @Override
    public ParameterSet parameters() {
        return params;
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet p) {
        long n = x.shape()[0];
        Tensor h = x.rank() == 4 ? x : x.reshape(n, sampleShape[0], sampleShape[1], sampleShape[2]);
        long[] shape = h.shape();
        if (shape[1] != sampleShape[0] || shape[2] != sampleShape[1] || shape[3] != sampleShape[2]) {
            throw new IllegalArgumentException("the cnn energy was built for samples of shape "
                    + Arrays.toString(sampleShape) + ", but was given " + Arrays.toString(x.shape()));
        }
        int layers = spec.channels().size();
        for (int i = 0; i < layers; i++) {
            h = Activation.apply(spec.activation(), spec.leak(),
                    h.conv2d(p.get("w" + i), p.get("b" + i), spec.strides().get(i), spec.padding()));
        }
        return h.reshape(n, features).matmul(p.get("w" + layers)).add(p.get("b" + layers)).reshape(n);
    }
}
