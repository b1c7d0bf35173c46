package dev.ebm.energies.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.OneOf;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.EnergySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolutional energy on images [C, H, W]: convolutions, each followed by the activation, then a dense layer
 * to one output. The defaults are the network of the PyTorch comparison ({@code cnn28}): on 1×28×28 inputs,
 * channels 32, 64, 64, 64 with 3×3 kernels, padding 1 and strides 1, 2, 2, 2 (28 → 28 → 14 → 7 → 4), SiLU, and
 * a dense layer from 64·4·4 = 1024 features.
 *
 * @param channels output channels of the convolutions, one per layer (default [32, 64, 64, 64])
 * @param kernel the square kernel size of every convolution (default 3)
 * @param strides the stride of each convolution, one per layer (default 1 for the first, 2 for the others)
 * @param padding zero padding on each side, for every convolution (default 1)
 * @param activation {@code swish} (default), {@code softplus}, {@code leaky-relu}, {@code elu}, {@code tanh} or
 *     {@code sigmoid}
 * @param leak the slope of {@code leaky-relu} for negative inputs (default 0.2)
 */
public record CnnSpec(
        @Default("[32, 64, 64, 64]") @Range(min = 0, exclusiveMin = true) List<Integer> channels,
        @Default("3") @Range(min = 0, exclusiveMin = true) Integer kernel,
        @Range(min = 0, exclusiveMin = true) List<Integer> strides,
        @Default("1") @Range(min = 0) Integer padding,
        @Default("swish") @OneOf({"elu", "leaky-relu", "sigmoid", "softplus", "swish", "tanh"}) String activation,
        @Default("0.2") @Range(min = 0) Double leak) implements EnergySpec {

    public CnnSpec {
        Checks c = new Checks(CnnSpec.class);
        channels = c.field("channels", channels == null ? null : copy(channels));
        c.check(!channels.isEmpty(), "channels", "must list at least one convolution, found []");
        kernel = c.field("kernel", kernel);
        if (strides == null) {
            List<Integer> s = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                s.add(i == 0 ? 1 : 2);
            }
            strides = List.copyOf(s);
        } else {
            strides = c.field("strides", copy(strides));
            c.check(strides.size() == channels.size(), "strides", "must have one entry per convolution ("
                    + channels.size() + ", as channels), found " + strides.size() + ": " + strides);
        }
        padding = c.field("padding", padding);
        activation = c.field("activation", activation);
        leak = c.field("leak", leak);
        c.done();
    }

    /** An unmodifiable copy that keeps null entries (so they can be reported). */
    private static List<Integer> copy(List<Integer> list) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }
}
