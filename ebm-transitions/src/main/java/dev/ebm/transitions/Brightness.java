package dev.ebm.transitions;

import dev.ebm.api.Rng;

/**
 * Brightness jitter of images {@code [N, C, H, W]} (see {@link dev.ebm.transitions.spec.BrightnessSpec}): for each
 * chosen image, in order, b = lo + (hi − lo)·u with u from {@link Rng#nextDouble}, and every pixel's unit-scale
 * value u becomes b·u (clamped to [0, 1] if asked). Without clamping, in pixel units x' = black + b·(x − black):
 * an image's mean distance from black is multiplied by b, so over images E[b] = (lo + hi)/2 and
 * Var[b] = (hi − lo)²/12.
 */
final class Brightness extends ImageTransition {
    private final double lo;
    private final double hi;
    private final PixelRange range;
    private final boolean clamp;

    Brightness(double lo, double hi, PixelRange range, boolean clamp, double p) {
        super("brightness", p);
        this.lo = lo;
        this.hi = hi;
        this.range = range;
        this.clamp = clamp;
    }

    @Override
    protected void transform(double[] v, int[] chosen, int c, int h, int w, Rng rng) {
        int size = c * h * w;
        for (int k : chosen) {
            double b = lo + (hi - lo) * rng.nextDouble();
            for (int t = k * size; t < (k + 1) * size; t++) {
                v[t] = range.pixel(b * range.unit(v[t]), clamp);
            }
        }
    }
}
