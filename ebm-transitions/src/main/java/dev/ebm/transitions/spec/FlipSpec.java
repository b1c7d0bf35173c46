package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.TransitionSpec;

/**
 * Horizontal flip of images {@code [N, C, H, W]}: each image (all its channels together) is mirrored left to
 * right, independently, with probability {@code p}.
 *
 * @param p the probability of flipping an image (default 0.5)
 */
public record FlipSpec(@Default("0.5") @Range(min = 0, max = 1) Double p) implements TransitionSpec {

    public FlipSpec {
        Checks c = new Checks(FlipSpec.class);
        p = c.field("p", p);
        c.done();
    }
}
