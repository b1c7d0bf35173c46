package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;
import dev.ebm.api.spec.TransitionSpec;

/**
 * Adds independent Gaussian noise to every coordinate: x' = x + std·ξ, ξ ~ N(0, I).
 *
 * @param std the noise's standard deviation (required, &gt; 0)
 */
public record NoiseTransitionSpec(@Required @Range(min = 0, exclusiveMin = true) Double std) implements TransitionSpec {

    public NoiseTransitionSpec {
        Checks c = new Checks(NoiseTransitionSpec.class);
        std = c.field("std", std);
        c.done();
    }
}
