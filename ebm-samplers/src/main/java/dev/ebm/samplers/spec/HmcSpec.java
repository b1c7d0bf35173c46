package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Hamiltonian Monte Carlo: momentum p ~ N(0, I) drawn afresh at every step, {@code leapfrogSteps} leapfrog steps
 * of size {@code stepSize} on H(x, p) = E(x) + ‖p‖²/2 (no gradient clipping), then a Metropolis–Hastings test
 * per chain. The chain samples exp(−E) exactly.
 *
 * @param steps steps (trajectories) per chain run (default 20)
 * @param stepSize the leapfrog step size (default 0.1)
 * @param leapfrogSteps leapfrog steps per trajectory (default 10)
 * @param clamp a box [low, high] for every coordinate; trajectories ending outside it are rejected, or null
 * @param adapt step-size adaptation in warm-up (default target 0.65), or null for a fixed step
 * @param transitions applied to the chains after every {@code transitionEvery}-th step (default none)
 * @param transitionEvery required with {@code transitions}
 */
public record HmcSpec(
        @Default("20") @Range(min = 0) Integer steps,
        @Default("0.1") @Range(min = 0, exclusiveMin = true) Double stepSize,
        @Default("10") @Range(min = 0, exclusiveMin = true) Integer leapfrogSteps,
        List<Double> clamp, StepAdapt adapt, List<TransitionSpec> transitions,
        @Range(min = 0, exclusiveMin = true) Integer transitionEvery) implements SamplerSpec {

    /** A common HMC acceptance target (Beskos et al. 2013: 0.651 is optimal as the dimension grows). */
    public static final double DEFAULT_TARGET = 0.65;

    public HmcSpec {
        Checks c = new Checks(HmcSpec.class);
        steps = c.field("steps", steps);
        stepSize = c.field("stepSize", stepSize);
        leapfrogSteps = c.field("leapfrogSteps", leapfrogSteps);
        clamp = c.interval("clamp", clamp);
        adapt = StepAdapt.resolve(adapt, c, steps, DEFAULT_TARGET);
        transitions = TransitionChecks.list(c, transitions);
        transitionEvery = TransitionChecks.every(c, transitions, transitionEvery);
        c.done();
    }

    /** A spec without transitions. */
    public HmcSpec(Integer steps, Double stepSize, Integer leapfrogSteps, List<Double> clamp, StepAdapt adapt) {
        this(steps, stepSize, leapfrogSteps, clamp, adapt, null, null);
    }
}
