package dev.ebm.runner.classifier;

import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The evaluation classifier, in float32, on images [C, H, W] with pixels in the unit scale [0, 1] (centred to
 * [−1, 1] first): a k×k convolution with stride 2 and padding ⌊k/2⌋ to {@code channels} channels (28 × 28 → 14 ×
 * 14), ReLU, optionally a 3×3 convolution with stride 2 and padding 1 to {@code conv2} channels (→ 7 × 7) and ReLU,
 * a dense layer to {@code features} units with ReLU — the feature layer the Fréchet distance reads — and a dense
 * layer to one logit per class.
 *
 * <p>The first convolution runs as a matrix product of the image patches ({@link Patches}, im2col) with the kernel:
 * the images are data and never differentiated, and one product is several times faster here than the native
 * convolution and its weight gradient on one-channel images; its NHWC output is permuted to NCHW for the second,
 * native convolution. Parameters: {@code c1w} [C·k², channels] (the kernel [channels, C, k, k] transposed and
 * flattened, row (c·k + dy)·k + dx), {@code c1b} [1, channels], {@code c2w} [conv2, channels, 3, 3], {@code c2b}
 * [conv2], {@code f1w} [inputs, features] (inputs in NCHW order after the second convolution, NHWC without it),
 * {@code f1b} [1, features], {@code f2w} [features, classes], {@code f2b} [1, classes]. Weights are initialised uniform in ±√(6/fan_in) (He) before a ReLU and ±1/√fan_in for
 * the logits; biases at zero.
 */
public final class ClassifierNet {
    static final String[] ALL = {"c1w", "c1b", "c2w", "c2b", "f1w", "f1b", "f2w", "f2b"};

    private final ClassifierConfig config;
    private final long[] sampleShape;
    private final int classes;
    private final ParameterSet params;

    /** Logits {@code [N, classes]} and features {@code [N, features]} of a batch. */
    public record Output(Tensor logits, Tensor features) {}

    /** A freshly initialised network. */
    public ClassifierNet(ClassifierConfig config, long[] sampleShape, int classes, Rng rng) {
        this(config, sampleShape, classes, init(config, sampleShape, classes, rng));
    }

    /** A network with the given parameter arrays (owned by the network from now on), checked against the shapes. */
    public ClassifierNet(ClassifierConfig config, long[] sampleShape, int classes, Map<String, INDArray> arrays) {
        if (sampleShape.length != 3) {
            throw new IllegalArgumentException("the classifier needs image samples [C, H, W], found "
                    + Arrays.toString(sampleShape));
        }
        this.config = config;
        this.sampleShape = sampleShape.clone();
        this.classes = classes;
        for (String name : names(config)) {
            INDArray a = arrays.get(name);
            long[] expected = shapeOf(config, sampleShape, classes, name);
            if (a == null || !Arrays.equals(a.shape(), expected)) {
                throw new IllegalArgumentException("classifier parameter " + name + " has shape "
                        + (a == null ? "(missing)" : Arrays.toString(a.shape())) + ", expected "
                        + Arrays.toString(expected));
            }
        }
        this.params = ParameterSet.trainable(arrays);
    }

    /** The parameter names of a configuration, in order. */
    static java.util.List<String> names(ClassifierConfig c) {
        return Arrays.stream(ALL).filter(n -> c.conv2() > 0 || !n.startsWith("c2")).toList();
    }

    private static long[] shapeOf(ClassifierConfig c, long[] s, int classes, String name) {
        return switch (name) {
            case "c1w" -> new long[] {s[0] * c.kernel() * c.kernel(), c.channels()};
            case "c1b" -> new long[] {1, c.channels()};
            case "c2w" -> new long[] {c.conv2(), c.channels(), 3, 3};
            case "c2b" -> new long[] {c.conv2()};
            case "f1w" -> new long[] {flat(c, s), c.features()};
            case "f1b" -> new long[] {1, c.features()};
            case "f2w" -> new long[] {c.features(), classes};
            case "f2b" -> new long[] {1, classes};
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The inputs of the feature layer: the last convolution's outputs, flattened. */
    private static long flat(ClassifierConfig c, long[] s) {
        long h = Patches.outSize(s[1]);
        long w = Patches.outSize(s[2]);
        return c.conv2() > 0 ? c.conv2() * Patches.outSize(h) * Patches.outSize(w) : c.channels() * h * w;
    }

    private static Map<String, INDArray> init(ClassifierConfig c, long[] s, int classes, Rng rng) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (String name : names(c)) {
            long[] shape = shapeOf(c, s, classes, name);
            if (name.endsWith("b")) {
                m.put(name, Nd4j.zeros(DataType.FLOAT, shape));
            } else {
                long fanIn = name.equals("c2w") ? shape[1] * 9 : shape[0];
                double bound = name.equals("f2w") ? 1 / Math.sqrt(fanIn) : Math.sqrt(6.0 / fanIn);
                m.put(name, rng.uniform(DataType.FLOAT, shape).muli(2 * bound).subi(bound));
            }
        }
        return m;
    }

    /**
     * The forward pass.
     *
     * @param patches the {@link Patches} matrix of {@code n} unit-scale images, [n·oh·ow, C·9], float32
     */
    public Output forward(INDArray patches, long n, ParameterSet p) {
        Tensor h = Tensor.constant(patches).mul(2.0).add(-1.0).matmul(p.get("c1w")).add(p.get("c1b")).relu();
        long oh = Patches.outSize(sampleShape[1]);
        long ow = Patches.outSize(sampleShape[2]);
        if (config.conv2() > 0) {
            h = h.reshape(n, oh, ow, config.channels()).permute(0, 3, 1, 2)
                    .conv2d(p.get("c2w"), p.get("c2b"), 2, 1).relu();
        }
        h = h.reshape(n, flat(config, sampleShape));
        Tensor features = h.matmul(p.get("f1w")).add(p.get("f1b")).relu();
        return new Output(features.matmul(p.get("f2w")).add(p.get("f2b")), features);
    }

    /** The forward pass on unit-scale images given as a flat float array of {@code n} images. */
    public Output forward(float[] images, int n) {
        return forward(Patches.of(images, n, sampleShape, config.kernel()), n, params);
    }

    public ParameterSet parameters() {
        return params;
    }

    public ClassifierConfig config() {
        return config;
    }

    public long[] sampleShape() {
        return sampleShape.clone();
    }

    public int classes() {
        return classes;
    }
}
