package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Range;

/**
 * Step-size adaptation toward a target acceptance rate during the warm-up steps of each chain run
 * ({@code adapt: {target: 0.574, warmup: 50}}). After warm-up step t (counted from 0) the step size is multiplied
 * by exp(γ_t·(ᾱ_t − target)), with ᾱ_t the mean Metropolis–Hastings acceptance probability over chains and
 * γ_t = 2·(t + 1)^−0.6 (a Robbins–Monro schedule). The steps after warm-up run at the last step size, so they form
 * an ordinary Metropolis–Hastings chain that leaves the target exactly invariant.
 *
 * @param target the acceptance rate to adapt toward, in (0, 1) (default: the kernel's optimum, 0.574 for MALA and
 *     0.65 for HMC)
 * @param warmup the number of leading steps of each chain run that adapt (default: half of {@code steps}); must be
 *     less than {@code steps}
 */
public record StepAdapt(
        @Range(min = 0, exclusiveMin = true, max = 1, exclusiveMax = true) Double target,
        @Range(min = 0) Integer warmup) {

    public StepAdapt {
        Checks c = new Checks(StepAdapt.class);
        target = c.field("target", target);
        warmup = c.field("warmup", warmup);
        c.done();
    }

    /** This spec with defaults filled in, or a problem recorded in {@code c} at {@code adapt.warmup}. */
    static StepAdapt resolve(StepAdapt a, Checks c, Integer steps, double defaultTarget) {
        if (a == null) {
            return null;
        }
        int s = steps == null ? 0 : steps;
        StepAdapt r = new StepAdapt(a.target == null ? defaultTarget : a.target, a.warmup == null ? s / 2 : a.warmup);
        if (steps != null && r.warmup > 0 && r.warmup >= steps) {
            c.fail("adapt.warmup", "must be < steps (" + steps + "): warm-up is the first steps of each chain run, "
                    + "found " + r.warmup);
        }
        return r;
    }
}
