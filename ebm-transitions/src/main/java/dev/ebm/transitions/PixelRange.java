package dev.ebm.transitions;

import dev.ebm.api.Box;
import dev.ebm.api.spec.SpecException;
import java.util.List;

/**
 * The pixel range [black, white] that photometric transitions work in: the spec's {@code range}, or else the data's
 * bounding box (its smallest low and largest high).
 *
 * @param black the value of a black pixel (0 on the unit scale)
 * @param white the value of a white pixel (1 on the unit scale)
 */
record PixelRange(double black, double white) {

    static PixelRange of(String transition, List<Double> range, Box bounds) {
        if (range != null) {
            return new PixelRange(range.get(0), range.get(1));
        }
        if (bounds == null) {
            throw new SpecException("range", "is required for " + transition + " here: the run has no data whose "
                    + "bounds give the pixel range; give range: [0, 1] or [-1, 1]");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < bounds.dim(); i++) {
            lo = Math.min(lo, bounds.low()[i]);
            hi = Math.max(hi, bounds.high()[i]);
        }
        return new PixelRange(lo, hi);
    }

    /** The unit-scale value u = (x − black) / (white − black). */
    double unit(double x) {
        return (x - black) / (white - black);
    }

    /** The pixel value of the unit-scale value u, after clamping u to [0, 1] if {@code clamp}. */
    double pixel(double u, boolean clamp) {
        if (clamp) {
            u = u < 0 ? 0 : Math.min(u, 1);
        }
        return black + (white - black) * u;
    }
}
