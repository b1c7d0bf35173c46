package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;
import java.util.List;

/**
 * An explicit isotropic Gaussian noise distribution for {@code nce}: N(mean, std²·I) over the flattened sample.
 *
 * @param mean one value per coordinate of a sample, required
 * @param std the standard deviation of every coordinate, > 0, required
 */
public record NceNoise(
        @Required(": one value per coordinate of a sample, e.g. [0.0, 0.0]") List<Double> mean,
        @Required("the noise's standard deviation per coordinate, > 0") @Range(min = 0, exclusiveMin = true)
        Double std) {
    public NceNoise {
        Checks c = new Checks(NceNoise.class);
        mean = c.field("mean", mean == null || mean.isEmpty() ? null : mean);
        if (mean != null && mean.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
            c.fail("mean", "must hold finite numbers, found " + mean);
        }
        std = c.field("std", std);
        c.done();
        mean = List.copyOf(mean);
    }
}
