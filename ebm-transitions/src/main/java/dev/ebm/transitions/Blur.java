package dev.ebm.transitions;

import dev.ebm.api.Rng;
import dev.ebm.transitions.imaging.GaussianKernel;
import dev.ebm.transitions.imaging.Reflect;

/**
 * Gaussian blur of images {@code [N, C, H, W]} (see {@link dev.ebm.transitions.spec.BlurSpec}): for each chosen
 * image, in order, σ = lo + (hi − lo)·u with u from {@link Rng#nextDouble}, and every channel is filtered with the
 * normalised {@link GaussianKernel} of σ, rows then columns, the plane extended by {@link Reflect reflection}; each
 * channel's sum is kept (exactly, up to rounding).
 */
final class Blur extends ImageTransition {
    private final double lo;
    private final double hi;

    Blur(double lo, double hi, double p) {
        super("blur", p);
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    protected void transform(double[] v, int[] chosen, int c, int h, int w, Rng rng) {
        int rMax = GaussianKernel.radius(hi);
        double[] line = new double[Math.max(h, w) + 2 * rMax];
        double[] out = new double[Math.max(h, w)];
        for (int k : chosen) {
            double[] kernel = GaussianKernel.weights(lo + (hi - lo) * rng.nextDouble());
            for (int ch = 0; ch < c; ch++) {
                Reflect.filter(v, (k * c + ch) * h * w, h, w, kernel, line, out);
            }
        }
    }
}
