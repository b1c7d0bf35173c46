package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;

/**
 * Adds independent Gaussian noise to every coordinate: x' = x + std·ξ, ξ ~ N(0, I).
 *
 * @param std the noise's standard deviation (required, &gt; 0)
 */
public record NoiseTransitionSpec(Double std) implements TransitionSpec {

    public NoiseTransitionSpec {
        Checks c = new Checks();
        c.required("std", std);
        std = c.positive("std", std, null);
        c.done();
    }
}
