package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.OneOf;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;
import dev.ebm.api.spec.SpecFields;
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
public record JitterSpec(@Required @Range(min = 0, exclusiveMin = true) Integer pixels,
        @Default("edge") @OneOf({"edge", "wrap", "zero"}) String fill,
        @Default("1") @Range(min = 0, max = 1) Double p) implements TransitionSpec {
    public static final List<String> FILLS = SpecFields.choices(JitterSpec.class, "fill");

    public JitterSpec {
        Checks c = new Checks(JitterSpec.class);
        pixels = c.field("pixels", pixels);
        fill = c.field("fill", fill);
        p = c.field("p", p);
        c.done();
    }
}
