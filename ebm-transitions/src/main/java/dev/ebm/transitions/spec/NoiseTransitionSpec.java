package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;

/**
 * Adds independent Gaussian noise to every coordinate of a sample: x' = x + std·ξ, ξ ~ N(0, I); samples of any
 * shape.
 *
 * @param std the noise's standard deviation (required, &gt; 0)
 * @param p the probability that a sample is moved (default 1: every sample)
 */
public record NoiseTransitionSpec(Double std, Double p) implements TransitionSpec {

    public NoiseTransitionSpec {
        Checks c = new Checks();
        c.required("std", std);
        std = c.positive("std", std, null);
        p = c.probability("p", p, 1.0);
        c.done();
    }
}
