package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;

/**
 * The entropy part of the KL terms ({@code cd}, {@code kl-aux}): the Kozachenko–Leonenko nearest-neighbour estimate
 * H ≈ (d/n)·Σᵢ log NN(xᵢ) of the chain end points' entropy (constants dropped), where NN(xᵢ) is the distance from
 * xᵢ to its nearest neighbour among the other end points of the batch and a memory of past end points.
 *
 * @param weight the entropy part's weight w relative to the energy part (default 1; 0 turns the part off)
 * @param buffer the number of past end points (samples, not batches) kept as extra nearest-neighbour references,
 *     first in first out (default 100, as the 100 past samples Du et al. 2020 compare against; 0: the current
 *     batch only)
 */
public record EntropySpec(@Default("1") @Range(min = 0) Double weight, @Default("100") @Range(min = 0) Integer buffer) {

    public EntropySpec {
        Checks c = new Checks(EntropySpec.class);
        weight = c.field("weight", weight);
        buffer = c.field("buffer", buffer);
        c.done();
    }

    /** The defaults: weight 1, buffer 100. */
    public static EntropySpec defaults() {
        return new EntropySpec(null, null);
    }
}
