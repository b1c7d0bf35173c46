package dev.ebm.energies.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.OneOf;
import dev.ebm.api.spec.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolutional energy on images [C, H, W]: convolutions, each followed by the activation, then optional dense
 * hidden layers (the {@code head}, each followed by the activation), then a dense layer to one output. The
 * defaults are the network of the PyTorch comparison ({@code cnn28}): on 1×28×28 inputs, channels 32, 64, 64, 64
 * with 3×3 kernels, padding 1 and strides 1, 2, 2, 2 (28 → 28 → 14 → 7 → 4), SiLU, no head, and a dense layer from
 * 64·4·4 = 1024 features.
 *
 * <p>The MNIST network of the IGEBM code (Du & Mordatch 2019, {@code MnistNet} in openai/ebm_code_release, which
 * Gagnon & Lajoie 2022 used) is {@code channels: [64, 64, 128, 256], kernels: [3, 4, 4, 4], strides: [1, 2, 2, 2],
 * paddingMode: same, convBias: false, head: [128], activation: leaky-relu, leak: 0.2, spectralNorm: true}; see
 * {@code docs/ENERGIES.md}.
 *
 * @param channels output channels of the convolutions, one per layer (default [32, 64, 64, 64])
 * @param kernel the square kernel size of every convolution (default 3 unless {@code kernels} is given)
 * @param kernels the square kernel size of each convolution, one per layer (instead of {@code kernel})
 * @param strides the stride of each convolution, one per layer (default 1 for the first, 2 for the others)
 * @param padding zero padding on each side, for every convolution, in {@code explicit} mode (default 1)
 * @param paddingMode {@code explicit} (default: {@code padding} zeros on each side, output ⌊(H + 2p − k)/s⌋ + 1, as
 *     PyTorch's {@code Conv2d}) or {@code same} (TensorFlow's SAME: output ⌈H/s⌉, total padding
 *     max((⌈H/s⌉ − 1)·s + k − H, 0) split with the odd row and column at the bottom and right)
 * @param convBias whether the convolutions add a bias per output channel (default true); dense layers always do
 * @param head widths of dense hidden layers between the convolutions and the output (default [])
 * @param activation {@code swish} (default), {@code softplus}, {@code leaky-relu}, {@code elu}, {@code tanh} or
 *     {@code sigmoid}, after every convolution and every hidden dense layer
 * @param leak the slope of {@code leaky-relu} for negative inputs (default 0.2)
 * @param spectralNorm whether the convolution and hidden dense weights are divided by their largest singular value
 *     (Miyato et al. 2018; one power iteration per optimizer step; default false)
 * @param spectralNormOutput whether the output layer is normalised too (default false, as in the IGEBM code: the
 *     scale of the energy stays free); needs {@code spectralNorm}
 */
public record CnnSpec(
        @Default("[32, 64, 64, 64]") @Range(min = 0, exclusiveMin = true) List<Integer> channels,
        @Range(min = 0, exclusiveMin = true) Integer kernel,
        @Range(min = 0, exclusiveMin = true) List<Integer> kernels,
        @Range(min = 0, exclusiveMin = true) List<Integer> strides,
        @Range(min = 0) Integer padding,
        @Default("explicit") @OneOf({"explicit", "same"}) String paddingMode,
        @Default("true") Boolean convBias,
        @Default("[]") @Range(min = 0, exclusiveMin = true) List<Integer> head,
        @Default("swish") @OneOf({"elu", "leaky-relu", "sigmoid", "softplus", "swish", "tanh"}) String activation,
        @Default("0.2") @Range(min = 0) Double leak,
        @Default("false") Boolean spectralNorm,
        @Default("false") Boolean spectralNormOutput) implements EnergySpec {
    public static final List<String> PADDING_MODES = List.of("explicit", "same");

    public CnnSpec {
        Checks c = new Checks(CnnSpec.class);
        channels = c.field("channels", channels == null ? null : copy(channels));
        c.check(!channels.isEmpty(), "channels", "must list at least one convolution, found []");
        if (kernels == null) {
            kernel = c.field("kernel", kernel == null ? Integer.valueOf(3) : kernel);
        } else {
            c.check(kernel == null, "kernel", "must not be given together with kernels, found kernel: " + kernel
                    + " and kernels: " + kernels);
            kernels = perLayer(c, "kernels", kernels, channels.size());
        }
        if (strides == null) {
            List<Integer> s = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                s.add(i == 0 ? 1 : 2);
            }
            strides = List.copyOf(s);
        } else {
            strides = perLayer(c, "strides", strides, channels.size());
        }
        paddingMode = c.field("paddingMode", paddingMode);
        if ("same".equals(paddingMode)) {
            c.check(padding == null, "padding", "must not be given with paddingMode: same (the padding of each "
                    + "convolution follows from its input size), found " + padding);
        } else {
            padding = c.field("padding", padding == null ? Integer.valueOf(1) : padding);
        }
        convBias = c.field("convBias", convBias);
        head = c.field("head", head == null ? null : copy(head));
        activation = c.field("activation", activation);
        leak = c.field("leak", leak);
        spectralNorm = c.field("spectralNorm", spectralNorm);
        spectralNormOutput = c.field("spectralNormOutput", spectralNormOutput);
        c.check(!spectralNormOutput || spectralNorm, "spectralNormOutput", "needs spectralNorm: true, found "
                + "spectralNorm: false");
        c.done();
    }

    /** The spec of the given convolutions with every other field at its default. */
    public CnnSpec(List<Integer> channels, Integer kernel, List<Integer> strides, Integer padding, String activation,
            Double leak) {
        this(channels, kernel, null, strides, padding, null, null, null, activation, leak, null, null);
    }

    /** The kernel size of convolution {@code i}. */
    public int kernelOf(int i) {
        return kernels == null ? kernel : kernels.get(i);
    }

    /** Where the kernel size of convolution {@code i} is set, for error messages. */
    public String kernelPath(int i) {
        return kernels == null ? "kernel" : "kernels[" + i + "]";
    }

    /** Whether TensorFlow's SAME padding is used. */
    public boolean samePadding() {
        return "same".equals(paddingMode);
    }

    private static List<Integer> perLayer(Checks c, String field, List<Integer> list, int layers) {
        List<Integer> out = copy(list);
        c.check(out.size() == layers, field, "must have one entry per convolution (" + layers + ", as channels), "
                + "found " + out.size() + ": " + out);
        return c.field(field, out);
    }

    /** An unmodifiable copy that keeps null entries (so they can be reported). */
    private static List<Integer> copy(List<Integer> list) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }
}
