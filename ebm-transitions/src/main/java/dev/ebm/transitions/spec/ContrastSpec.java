package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Contrast jitter of images {@code [N, C, H, W]}, as torchvision's {@code ColorJitter(contrast=...)}: with the
 * pixels mapped to u in [0, 1] by {@code range}, a chosen image becomes c·u + (1 − c)·m, where m is the mean of
 * its grey-level image (the image itself for one channel, ITU-R 601 luma 0.299 R + 0.587 G + 0.114 B for three,
 * the channel average otherwise) and c is drawn uniformly from {@code factor}; then clamped to [0, 1] (if
 * {@code clamp}) and mapped back. torchvision's {@code contrast=s} is {@code factor: [max(0, 1 − s), 1 + s]}.
 *
 * @param factor the range [min, max] of the contrast factor (required; 0 &lt;= min &lt;= max; 1 is no change)
 * @param range the pixel range [black, white] of the images, e.g. [0, 1] or [-1, 1]; default: the data's bounds
 *     (the smallest low and largest high of its bounding box)
 * @param clamp whether results are clamped to the pixel range (default true, as torchvision)
 * @param p the probability that an image is changed (default 1)
 */
public record ContrastSpec(List<Double> factor, List<Double> range, Boolean clamp, Double p)
        implements TransitionSpec {

    public ContrastSpec {
        Checks c = new Checks();
        c.required("factor", factor);
        factor = Ranges.check(c, "factor", factor, null, 0, false, Double.POSITIVE_INFINITY);
        range = c.interval("range", range);
        clamp = clamp == null ? Boolean.TRUE : clamp;
        p = c.probability("p", p, 1.0);
        c.done();
    }
}
