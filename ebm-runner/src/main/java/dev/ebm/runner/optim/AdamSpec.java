package dev.ebm.runner.optim;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.OneOf;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SpecFields;
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
public record AdamSpec(
        @Default("1.0e-3") @Range(min = 0, exclusiveMin = true) Double lr,
        @Default("[0.9, 0.999]") List<Double> betas,
        @Default("1.0e-8") @Range(min = 0, exclusiveMin = true) Double eps,
        @Range(min = 0, exclusiveMin = true) Double gradClip,
        @Default("constant") @OneOf({"constant", "cosine", "linear"}) String schedule,
        @Range(min = 0, exclusiveMin = true) Integer decaySteps,
        @Range(min = 0) Double minLr) implements OptimizerSpec {
    public static final List<String> SCHEDULES = SpecFields.choices(AdamSpec.class, "schedule");

    public AdamSpec {
        Checks c = new Checks(AdamSpec.class);
        lr = c.field("lr", lr);
        betas = c.field("betas", betas == null ? null : java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(betas)));
        c.check(betas.size() == 2 && betas.stream().allMatch(b -> b != null && b >= 0 && b < 1), "betas",
                "must be two numbers in [0, 1), found " + betas);
        betas = betas.stream().anyMatch(java.util.Objects::isNull) ? betas : List.copyOf(betas);
        eps = c.field("eps", eps);
        gradClip = c.field("gradClip", gradClip);
        schedule = c.field("schedule", schedule);
        if ("constant".equals(schedule)) {
            c.check(decaySteps == null, "decaySteps", "needs schedule linear or cosine, found schedule constant");
            c.check(minLr == null, "minLr", "needs schedule linear or cosine, found schedule constant");
        } else if (schedule != null) {
            c.check(decaySteps != null, "decaySteps", "is required with schedule " + schedule
                    + " (usually train.steps)");
            decaySteps = c.field("decaySteps", decaySteps);
            minLr = c.field("minLr", minLr == null ? 0.0 : minLr);
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
