package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import java.util.List;

/**
 * An explicit isotropic Gaussian noise distribution for {@code nce}: N(mean, std²·I) over the flattened sample.
 *
 * @param mean one value per coordinate of a sample, required
 * @param std the standard deviation of every coordinate, > 0, required
 */
public record NceNoise(List<Double> mean, Double std) {
    public NceNoise {
        Checks c = new Checks();
        if (mean == null || mean.isEmpty()) {
            c.fail("mean", "is required: one value per coordinate of a sample, e.g. [0.0, 0.0]");
        } else if (mean.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
            c.fail("mean", "must hold finite numbers, found " + mean);
        }
        if (std == null) {
            c.fail("std", "is required (the noise's standard deviation per coordinate, > 0)");
        }
        std = c.positive("std", std, null);
        c.done();
        mean = List.copyOf(mean);
    }
}
