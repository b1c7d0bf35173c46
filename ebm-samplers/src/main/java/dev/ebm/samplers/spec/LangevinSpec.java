package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Unadjusted Langevin dynamics, in one of two forms (see DESIGN.md, "Conventions").
 *
 * <ul>
 *   <li>{@code epsilon} (the discretised Langevin SDE): x' = x − (ε²/2)·∇E(x) + ε·ξ;</li>
 *   <li>decoupled {@code stepSize} and {@code noise} (the IGEBM practice): x' = x − stepSize·∇E(x) + noise·ξ,
 *       which samples exp(−E/T) with T = noise²/(2·stepSize).</li>
 * </ul>
 * Giving {@code epsilon} with {@code stepSize} or {@code noise} is an error. Without either form, ε = 0.1.
 *
 * <p>With {@code anneal} (decoupled form only) the noise and/or the step size follow a schedule over the steps of
 * each chain run instead of staying constant ({@link Anneal}); a ramp replaces its constant, so give
 * {@code anneal.noise} instead of {@code noise} and {@code anneal.step} instead of {@code stepSize}.
 *
 * @param steps steps per chain run (default 20); also the length of the annealing schedule
 * @param gradClip clip each element of ∇E to [−c, c], or null for none
 * @param clamp a box [low, high] every coordinate is clamped to after each step, or null
 * @param anneal a schedule for noise and/or step size over a chain run, or null for constants
 * @param transitions applied to the chains after every {@code transitionEvery}-th step (default none)
 * @param transitionEvery required with {@code transitions}
 */
public record LangevinSpec(
        @Default("20") @Range(min = 0) Integer steps,
        @Range(min = 0, exclusiveMin = true) Double epsilon,
        @Range(min = 0, exclusiveMin = true) Double stepSize,
        @Range(min = 0) Double noise,
        @Range(min = 0, exclusiveMin = true) Double gradClip,
        List<Double> clamp, Anneal anneal, List<TransitionSpec> transitions,
        @Range(min = 0, exclusiveMin = true) Integer transitionEvery) implements SamplerSpec {

    public LangevinSpec {
        Checks c = new Checks(LangevinSpec.class);
        steps = c.field("steps", steps);
        boolean rampNoise = anneal != null && anneal.noise() != null;
        boolean rampStep = anneal != null && anneal.step() != null;
        if (epsilon != null && (stepSize != null || noise != null)) {
            c.fail(stepSize != null ? "stepSize" : "noise",
                    "cannot be given with epsilon (epsilon sets step ε²/2 and noise ε); use one form");
        } else if (epsilon != null && anneal != null) {
            c.fail("anneal", "needs the decoupled form (stepSize and noise), not epsilon");
        } else if (epsilon == null && stepSize == null && noise == null && anneal == null) {
            epsilon = 0.1;
        } else if (epsilon == null) {
            if (rampStep) {
                c.check(stepSize == null, "stepSize", "cannot be given with anneal.step (the ramp replaces it)");
            } else {
                c.check(stepSize != null, "stepSize", anneal != null ? "is required (or give anneal.step)"
                        : "is required with noise (or give epsilon instead)");
            }
            if (rampNoise) {
                c.check(noise == null, "noise", "cannot be given with anneal.noise (the ramp replaces it)");
            } else {
                c.check(noise != null, "noise", anneal != null ? "is required (or give anneal.noise)"
                        : "is required with stepSize (a standard deviation; 0 for gradient descent)");
            }
        }
        epsilon = c.field("epsilon", epsilon);
        stepSize = c.field("stepSize", stepSize);
        noise = c.field("noise", noise);
        gradClip = c.field("gradClip", gradClip);
        clamp = c.interval("clamp", clamp);
        transitions = TransitionChecks.list(c, transitions);
        transitionEvery = TransitionChecks.every(c, transitions, transitionEvery);
        c.done();
    }

    /** A spec without annealing or transitions. */
    public LangevinSpec(Integer steps, Double epsilon, Double stepSize, Double noise, Double gradClip,
            List<Double> clamp) {
        this(steps, epsilon, stepSize, noise, gradClip, clamp, null, null, null);
    }

    /** The gradient step size at the first step: ε²/2, {@code stepSize} or {@code anneal.step.from}. */
    public double drift() {
        return drift(0);
    }

    /** The noise standard deviation at the first step: ε, {@code noise} or {@code anneal.noise.from}. */
    public double noiseStd() {
        return noiseStd(0);
    }

    /** The gradient step size at step t of a chain run (counted from 0). */
    public double drift(long t) {
        if (epsilon != null) {
            return epsilon * epsilon / 2;
        }
        return anneal != null && anneal.step() != null ? anneal.at(anneal.step(), t, steps) : stepSize;
    }

    /** The noise standard deviation at step t of a chain run (counted from 0). */
    public double noiseStd(long t) {
        if (epsilon != null) {
            return epsilon;
        }
        return anneal != null && anneal.noise() != null ? anneal.at(anneal.noise(), t, steps) : noise;
    }

    /** The temperature the dynamics sample at: noise²/(2·step); 1 in the ε form, 0 without noise (first step). */
    public double temperature() {
        return noiseStd() * noiseStd() / (2 * drift());
    }
}
