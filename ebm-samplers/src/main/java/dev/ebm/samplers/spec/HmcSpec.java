package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
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
public record HmcSpec(Integer steps, Double stepSize, Integer leapfrogSteps, List<Double> clamp, StepAdapt adapt,
        List<TransitionSpec> transitions, Integer transitionEvery) implements SamplerSpec {

    /** A common HMC acceptance target (Beskos et al. 2013: 0.651 is optimal as the dimension grows). */
    public static final double DEFAULT_TARGET = 0.65;

    public HmcSpec {
        Checks c = new Checks();
        steps = c.nonNegative("steps", steps, 20);
        stepSize = c.positive("stepSize", stepSize, 0.1);
        leapfrogSteps = c.positive("leapfrogSteps", leapfrogSteps, 10);
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
