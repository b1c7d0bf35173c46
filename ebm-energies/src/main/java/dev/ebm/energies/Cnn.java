package dev.ebm.energies;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.CnnSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E(x) = w_out·a(… a(W_h1·flatten(a(conv_L(… a(conv_1(x)) …))) + b_h1) …) + b_out on images x of shape
 * [N, C, H, W], as PyTorch's {@code nn.Sequential(Conv2d, act, …, Conv2d, act, Flatten, Linear, act, …,
 * Linear(·, 1))}. Parameters: for each convolution i, {@code w<i>} [outC, inC, k, k] and (with {@code convBias})
 * {@code b<i>} [outC]; then for each dense layer j = L, L+1, … (the head's hidden layers, then the output)
 * {@code w<j>} [in, out] (PyTorch's weight transposed) and {@code b<j>} [1, out]. All are initialised as PyTorch
 * does by default: uniform in ±1/√fan_in, with fan_in = inC·k·k for a convolution and the input width for a dense
 * layer. With {@code spectralNorm}, the convolution and hidden dense weights (and the output's, with
 * {@code spectralNormOutput}) are used divided by their spectral norm ({@link SpectralNorm}); its vectors are drawn
 * after all weights, so the weights do not depend on the option.
 *
 * <p>The IGEBM MNIST configuration (CnnSpec) matches {@code MnistNet} of openai/ebm_code_release in layer sizes,
 * kernels, strides, SAME padding, bias-free convolutions, the 4·4·256 = 4096 → 128 → 1 dense layers, leaky ReLU 0.2
 * and which weights are spectrally normalised, and so in its parameter count (1,246,017). It differs in what does
 * not change the family of functions: initialisation (TensorFlow's N(0, 1) before normalisation, zeros for biases),
 * the flatten order (NCHW here, NHWC there: a fixed permutation of the dense weight's rows) and when the power
 * iteration runs (once per training step here; once per TensorFlow session run there).
 */
public final class Cnn implements EnergyFunction {
    private final CnnSpec spec;
    private final long[] sampleShape;
    private final List<ConvLayer> convs;
    private final long features;
    private final int dense;
    private final ParameterSet params;
    private final SpectralNorm norm;

    public Cnn(CnnSpec spec, long[] sampleShape, DataType dtype, Rng rng) {
        this.spec = spec;
        this.sampleShape = sampleShape.clone();
        this.convs = ConvLayer.plan(spec, sampleShape);
        ConvLayer last = convs.get(convs.size() - 1);
        this.features = spec.channels().get(convs.size() - 1) * last.outH() * last.outW();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        long in = sampleShape[0];
        for (int i = 0; i < convs.size(); i++) {
            long outC = spec.channels().get(i);
            int k = convs.get(i).kernel();
            double bound = 1.0 / Math.sqrt(in * k * k);
            arrays.put("w" + i, uniform(rng, dtype, bound, outC, in, k, k));
            if (spec.convBias()) {
                arrays.put("b" + i, uniform(rng, dtype, bound, outC));
            }
            in = outC;
        }
        in = features;
        this.dense = spec.head().size() + 1;
        for (int j = 0; j < dense; j++) {
            long out = j < spec.head().size() ? spec.head().get(j) : 1;
            double bound = 1.0 / Math.sqrt(in);
            arrays.put("w" + (convs.size() + j), uniform(rng, dtype, bound, in, out));
            arrays.put("b" + (convs.size() + j), uniform(rng, dtype, bound, 1, out));
            in = out;
        }
        this.params = ParameterSet.trainable(arrays);
        this.norm = spec.spectralNorm() ? new SpectralNorm() : null;
        if (norm != null) {
            int normalised = convs.size() + dense - (spec.spectralNormOutput() ? 0 : 1);
            for (int i = 0; i < normalised; i++) {
                norm.add("w" + i, arrays.get("w" + i), i >= convs.size(), rng);
            }
        }
    }

    private static INDArray uniform(Rng rng, DataType dtype, double bound, long... shape) {
        return rng.uniform(dtype, shape).muli(2 * bound).subi(bound);
    }

    /**
     * The shape [C, H, W] after the last convolution for samples of {@code sampleShape} [C, H, W], or a spec
     * problem if the samples are not images or the convolutions shrink them to nothing.
     */
    public static long[] outputShape(CnnSpec spec, long[] sampleShape) {
        List<ConvLayer> layers = ConvLayer.plan(spec, sampleShape);
        ConvLayer last = layers.get(layers.size() - 1);
        return new long[] {spec.channels().get(layers.size() - 1), last.outH(), last.outW()};
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
        for (int i = 0; i < convs.size(); i++) {
            ConvLayer c = convs.get(i);
            if (c.padsExplicitly()) {
                h = Images.zeroPad(h, c.top(), c.bottom(), c.left(), c.right());
            }
            h = spec.convBias() ? h.conv2d(weight(p, i), p.get("b" + i), c.stride(), c.padding())
                    : h.conv2d(weight(p, i), c.stride(), c.padding());
            h = Activation.apply(spec.activation(), spec.leak(), h);
        }
        h = h.reshape(n, features);
        for (int j = 0; j < dense; j++) {
            int i = convs.size() + j;
            h = h.matmul(weight(p, i)).add(p.get("b" + i));
            if (j < dense - 1) {
                h = Activation.apply(spec.activation(), spec.leak(), h);
            }
        }
        return h.reshape(n);
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
            norm.restore(state, "cnn");
        }
    }

    @Override
    public void afterUpdate() {
        if (norm != null) {
            norm.iterate(params);
        }
    }
}
