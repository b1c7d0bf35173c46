package dev.ebm.example.plugin.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * A margin (hinge) contrastive loss: mean over every pair of a data point and a negative sample of
 * max(0, margin + E(x+) − E(x−)). It pushes data energies below sample energies until they are {@code margin}
 * apart, and stops there, so energies do not drift without bound.
 *
 * @param margin the energy gap wanted between data and samples (default 1)
 * @param weight the term's weight (default 1)
 */
public record HingeSpec(Double margin, Double weight) implements ObjectiveSpec {
    public HingeSpec {
        Checks c = new Checks();
        margin = c.nonNegative("margin", margin, 1.0);
        weight = c.finite("weight", weight, 1.0);
        c.done();
    }
}
