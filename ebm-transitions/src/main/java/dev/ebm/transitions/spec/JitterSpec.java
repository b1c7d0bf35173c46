package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Random translation of images {@code [N, C, H, W]}: each image (all its channels together) is shifted by dy rows
 * and dx columns, dy and dx drawn independently and uniformly from the integers in [−pixels, pixels]; pixels that
 * come from outside the image are filled by {@code fill}.
 *
 * @param pixels the largest shift in each direction (required, &gt;= 1)
 * @param fill {@code edge} (default: repeat the nearest border pixel), {@code zero} or {@code wrap} (cyclic)
 * @param p the probability that an image is shifted (default 1: every image; a shift may still be (0, 0))
 */
public record JitterSpec(Integer pixels, String fill, Double p) implements TransitionSpec {
    public static final List<String> FILLS = List.of("edge", "wrap", "zero");

    public JitterSpec {
        Checks c = new Checks();
        c.required("pixels", pixels);
        pixels = c.positive("pixels", pixels, null);
        fill = c.oneOf("fill", fill, "edge", FILLS);
        p = c.probability("p", p, 1.0);
        c.done();
    }
}
