package dev.ebm.energies;

import dev.ebm.api.spec.SpecException;
import dev.ebm.energies.spec.CnnSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The geometry of one convolution of a {@link Cnn}: kernel, stride, the symmetric padding the convolution op
 * applies, the extra zero rows and columns padded before it (TensorFlow's SAME padding is asymmetric when its total
 * is odd: the odd row goes to the bottom, the odd column to the right), and the output size.
 */
record ConvLayer(int kernel, int stride, int padding, int top, int bottom, int left, int right, long outH,
        long outW) {

    boolean padsExplicitly() {
        return top + bottom + left + right > 0;
    }

    /**
     * The convolutions of {@code spec} on samples of {@code sampleShape} [C, H, W], or a spec problem naming the
     * sample shape when the samples are not images or a kernel does not fit.
     */
    static List<ConvLayer> plan(CnnSpec spec, long[] sampleShape) {
        if (sampleShape == null || sampleShape.length != 3) {
            throw new SpecException("type", "the cnn energy needs image samples of shape [C, H, W], found "
                    + Arrays.toString(sampleShape));
        }
        long h = sampleShape[1];
        long w = sampleShape[2];
        StringBuilder sizes = new StringBuilder(h + "x" + w);
        List<ConvLayer> layers = new ArrayList<>();
        for (int i = 0; i < spec.channels().size(); i++) {
            int k = spec.kernelOf(i);
            int s = spec.strides().get(i);
            ConvLayer layer = spec.samePadding() ? same(k, s, h, w) : explicit(k, s, spec.padding(), h, w);
            h = layer.outH;
            w = layer.outW;
            sizes.append(" -> ").append(h).append("x").append(w);
            if (h < 1 || w < 1) {
                throw new SpecException(spec.kernelPath(i), "a " + k + "x" + k + " kernel with padding "
                        + spec.padding() + " does not fit: the spatial size of the " + sampleShape[1] + "x"
                        + sampleShape[2] + " input goes " + sizes + " at convolution " + i + " (stride " + s + ")");
            }
            layers.add(layer);
        }
        return List.copyOf(layers);
    }

    private static ConvLayer explicit(int k, int s, int p, long h, long w) {
        return new ConvLayer(k, s, p, 0, 0, 0, 0, Math.floorDiv(h + 2L * p - k, s) + 1,
                Math.floorDiv(w + 2L * p - k, s) + 1);
    }

    private static ConvLayer same(int k, int s, long h, long w) {
        long outH = (h + s - 1) / s;
        long outW = (w + s - 1) / s;
        long totalH = Math.max((outH - 1) * s + k - h, 0);
        long totalW = Math.max((outW - 1) * s + k - w, 0);
        long top = totalH / 2;
        long left = totalW / 2;
        long p = Math.min(top, left);
        return new ConvLayer(k, s, (int) p, (int) (top - p), (int) (totalH - top - p), (int) (left - p),
                (int) (totalW - left - p), outH, outW);
    }
}
