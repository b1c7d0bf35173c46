package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;
import dev.ebm.api.spec.TransitionSpec;

/**
 * Adds independent Gaussian noise to every coordinate of a sample: x' = x + std·ξ, ξ ~ N(0, I); samples of any
 * shape.
 *
 * @param std the noise's standard deviation (required, &gt; 0)
 * @param p the probability that a sample is moved (default 1: every sample)
 */
public record NoiseTransitionSpec(@Required @Range(min = 0, exclusiveMin = true) Double std,
        @Default("1") @Range(min = 0, max = 1) Double p) implements TransitionSpec {

    public NoiseTransitionSpec {
        Checks c = new Checks(NoiseTransitionSpec.class);
        std = c.field("std", std);
        p = c.field("p", p);
        c.done();
    }
}
