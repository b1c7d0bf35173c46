package dev.ebm.runner.optim;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.OptimizerSpec;
import java.util.List;

/**
 * Adam.
 *
 * @param lr learning rate (default 1e-3)
 * @param betas [β₁, β₂] (default [0.9, 0.999])
 * @param eps (default 1e-8)
 * @param gradClip clip the global L2 norm of the gradient to this value, or null for none
 */
public record AdamSpec(Double lr, List<Double> betas, Double eps, Double gradClip) implements OptimizerSpec {
    public AdamSpec {
        Checks c = new Checks();
        lr = c.positive("lr", lr, 1e-3);
        betas = betas == null ? List.of(0.9, 0.999) : List.copyOf(betas);
        c.check(betas.size() == 2 && betas.stream().allMatch(b -> b != null && b >= 0 && b < 1), "betas",
                "must be two numbers in [0, 1), found " + betas);
        eps = c.positive("eps", eps, 1e-8);
        gradClip = c.positive("gradClip", gradClip, null);
        c.done();
    }
}
