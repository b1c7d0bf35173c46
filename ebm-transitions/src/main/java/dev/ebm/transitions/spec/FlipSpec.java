package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;

/**
 * Horizontal flip of images {@code [N, C, H, W]}: each image (all its channels together) is mirrored left to
 * right, independently, with probability {@code p}.
 *
 * @param p the probability of flipping an image (default 0.5)
 */
public record FlipSpec(Double p) implements TransitionSpec {

    public FlipSpec {
        Checks c = new Checks();
        p = c.probability("p", p, 0.5);
        c.done();
    }
}
