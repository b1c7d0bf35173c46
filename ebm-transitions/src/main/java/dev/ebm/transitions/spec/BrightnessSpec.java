package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Brightness jitter of images {@code [N, C, H, W]}, as torchvision's {@code ColorJitter(brightness=...)}: with the
 * pixels mapped to u in [0, 1] by {@code range} (black is 0), a chosen image becomes b·u, b drawn uniformly from
 * {@code factor}; then clamped to [0, 1] (if {@code clamp}) and mapped back. torchvision's {@code brightness=s} is
 * {@code factor: [max(0, 1 − s), 1 + s]}.
 *
 * @param factor the range [min, max] of the brightness factor (required; 0 &lt;= min &lt;= max; 1 is no change)
 * @param range the pixel range [black, white] of the images, e.g. [0, 1] or [-1, 1]; default: the data's bounds
 *     (the smallest low and largest high of its bounding box)
 * @param clamp whether results are clamped to the pixel range (default true, as torchvision)
 * @param p the probability that an image is changed (default 1)
 */
public record BrightnessSpec(List<Double> factor, List<Double> range, Boolean clamp, Double p)
        implements TransitionSpec {

    public BrightnessSpec {
        Checks c = new Checks();
        c.required("factor", factor);
        factor = Ranges.check(c, "factor", factor, null, 0, false, Double.POSITIVE_INFINITY);
        range = c.interval("range", range);
        clamp = clamp == null ? Boolean.TRUE : clamp;
        p = c.probability("p", p, 1.0);
        c.done();
    }
}
