package dev.ebm.transitions;

import dev.ebm.api.Rng;

/**
 * Contrast jitter of images {@code [N, C, H, W]} (see {@link dev.ebm.transitions.spec.ContrastSpec}): for each
 * chosen image, in order, c = lo + (hi − lo)·u with u from {@link Rng#nextDouble}, and every unit-scale pixel value
 * u becomes c·u + (1 − c)·m (clamped to [0, 1] if asked), m the mean of the image's grey levels: the image itself
 * for one channel, torchvision's {@code rgb_to_grayscale} 0.2989 R + 0.587 G + 0.114 B for three, the channel
 * average otherwise. Without clamping, a one-channel image keeps its mean and its pixels' standard deviation is
 * multiplied by c.
 */
final class Contrast extends ImageTransition {
    private static final double[] LUMA = {0.2989, 0.587, 0.114};

    private final double lo;
    private final double hi;
    private final PixelRange range;
    private final boolean clamp;

    Contrast(double lo, double hi, PixelRange range, boolean clamp, double p) {
        super("contrast", p);
        this.lo = lo;
        this.hi = hi;
        this.range = range;
        this.clamp = clamp;
    }

    @Override
    protected void transform(double[] v, int[] chosen, int c, int h, int w, Rng rng) {
        int hw = h * w;
        int size = c * hw;
        for (int k : chosen) {
            double factor = lo + (hi - lo) * rng.nextDouble();
            double mean = 0;
            for (int ch = 0; ch < c; ch++) {
                double weight = c == 3 ? LUMA[ch] : 1.0 / c;
                double s = 0;
                for (int t = k * size + ch * hw; t < k * size + (ch + 1) * hw; t++) {
                    s += range.unit(v[t]);
                }
                mean += weight * s / hw;
            }
            for (int t = k * size; t < (k + 1) * size; t++) {
                v[t] = range.pixel(factor * range.unit(v[t]) + (1 - factor) * mean, clamp);
            }
        }
    }
}
