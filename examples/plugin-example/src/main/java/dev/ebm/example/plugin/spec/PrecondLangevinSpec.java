package dev.ebm.example.plugin.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.SamplerSpec;
import java.util.List;

/**
 * Preconditioned Langevin dynamics: y = x − (ε²/2)·M∇E(x) + ε·M^½ξ with a fixed diagonal preconditioner M, followed
 * (by default) by a Metropolis–Hastings test, so that the chains leave exp(−E) exactly invariant.
 *
 * @param steps steps per chain run (default 20)
 * @param epsilon the step ε (required), in units of the preconditioned coordinates
 * @param scales the diagonal of M: one entry for every coordinate, or a single entry for all (default [1])
 * @param adjust whether to apply the Metropolis–Hastings test (default true); without it the kernel is
 *     preconditioned unadjusted Langevin, biased by O(ε²)
 */
public record PrecondLangevinSpec(Integer steps, Double epsilon, List<Double> scales, Boolean adjust)
        implements SamplerSpec {
    public PrecondLangevinSpec {
        Checks c = new Checks();
        steps = c.nonNegative("steps", steps, 20);
        if (epsilon == null) {
            c.fail("epsilon", "is required (y = x - (epsilon^2/2) M grad E(x) + epsilon M^1/2 xi)");
        }
        epsilon = c.positive("epsilon", epsilon, null);
        scales = scales == null ? List.of(1.0) : List.copyOf(scales);
        c.check(!scales.isEmpty(), "scales", "needs at least one entry");
        for (int i = 0; i < scales.size(); i++) {
            Double s = scales.get(i);
            c.check(s != null && s > 0 && Double.isFinite(s), "scales[" + i + "]", "must be > 0, found " + s);
        }
        adjust = adjust == null ? Boolean.TRUE : adjust;
        c.done();
    }
}
