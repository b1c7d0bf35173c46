package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Gaussian blur of images {@code [N, C, H, W]}: each chosen image (all its channels) is convolved with a
 * normalised Gaussian kernel whose standard deviation, in pixels, is drawn uniformly from {@code sigma}. The kernel
 * is truncated at radius ⌊4σ + 0.5⌋ (as scipy's {@code gaussian_filter}) and the image is extended by reflection
 * at its borders, which keeps every image's total intensity (sum of its pixels) exactly.
 *
 * @param sigma the range [min, max] of the kernel's standard deviation in pixels (default [0.1, 2.0], as
 *     torchvision's {@code GaussianBlur}); 0 &lt;= min &lt;= max, and σ = 0 leaves an image unchanged
 * @param p the probability that an image is blurred (default 1)
 */
public record BlurSpec(List<Double> sigma, Double p) implements TransitionSpec {
    public static final List<Double> DEFAULT_SIGMA = List.of(0.1, 2.0);

    public BlurSpec {
        Checks c = new Checks();
        sigma = Ranges.check(c, "sigma", sigma, DEFAULT_SIGMA, 0, false, Double.POSITIVE_INFINITY);
        p = c.probability("p", p, 1.0);
        c.done();
    }
}
