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
 * @param schedule {@code constant} (default), {@code linear} or {@code cosine}: the learning rate falls from
 *     {@code lr} to {@code minLr} over the first {@code decaySteps} updates and stays there
 * @param decaySteps updates over which the rate decays (required with a decaying schedule)
 * @param minLr the final learning rate (default 0)
 */
public record AdamSpec(Double lr, List<Double> betas, Double eps, Double gradClip, String schedule,
        Integer decaySteps, Double minLr) implements OptimizerSpec {
    public static final List<String> SCHEDULES = List.of("constant", "cosine", "linear");

    public AdamSpec {
        Checks c = new Checks();
        lr = c.positive("lr", lr, 1e-3);
        betas = betas == null ? List.of(0.9, 0.999) : List.copyOf(betas);
        c.check(betas.size() == 2 && betas.stream().allMatch(b -> b != null && b >= 0 && b < 1), "betas",
                "must be two numbers in [0, 1), found " + betas);
        eps = c.positive("eps", eps, 1e-8);
        gradClip = c.positive("gradClip", gradClip, null);
        schedule = c.oneOf("schedule", schedule, "constant", SCHEDULES);
        if ("constant".equals(schedule)) {
            c.check(decaySteps == null, "decaySteps", "needs schedule linear or cosine, found schedule constant");
            c.check(minLr == null, "minLr", "needs schedule linear or cosine, found schedule constant");
        } else if (schedule != null) {
            c.check(decaySteps != null, "decaySteps", "is required with schedule " + schedule
                    + " (usually train.steps)");
            decaySteps = decaySteps == null ? null : c.positive("decaySteps", decaySteps, null);
            minLr = c.nonNegative("minLr", minLr, 0.0);
            if (minLr != null && lr != null) {
                c.check(minLr <= lr, "minLr", "must be <= lr = " + lr + ", found " + minLr);
            }
        }
        c.done();
    }

    /** The learning rate of update {@code t} (counted from 1). */
    public double lrAt(long t) {
        if ("constant".equals(schedule)) {
            return lr;
        }
        double u = Math.min(1.0, (t - 1) / (double) decaySteps);
        double f = "linear".equals(schedule) ? 1 - u : 0.5 * (1 + Math.cos(Math.PI * u));
        return minLr + (lr - minLr) * f;
    }
}
