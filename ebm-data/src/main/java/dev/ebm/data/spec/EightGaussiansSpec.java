package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.DataSpec;

/**
 * Eight isotropic Gaussians of equal weight with means at {@code radius}·(cos 2πk/8, sin 2πk/8), k = 0..7.
 *
 * @param radius distance of the means from the origin (default 2, at most 1e6: farther, the float32 moments used
 *     by fitted noise and evaluation overflow)
 * @param std standard deviation of each component, per coordinate (default 0.2, at most 1e6)
 */
public record EightGaussiansSpec(@Default("2") @Range(min = 0, max = 1e6) Double radius,
        @Default("0.2") @Range(min = 0, exclusiveMin = true, max = 1e6) Double std) implements DataSpec {
    public EightGaussiansSpec {
        Checks c = new Checks(EightGaussiansSpec.class);
        radius = c.field("radius", radius);
        std = c.field("std", std);
        c.done();
    }
}
