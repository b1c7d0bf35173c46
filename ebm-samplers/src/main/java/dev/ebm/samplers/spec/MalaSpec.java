package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * The Metropolis-adjusted Langevin algorithm: the {@code langevin} proposal y = x − h·clip(∇E(x)) + σ·ξ followed
 * by a Metropolis–Hastings test with the exact (asymmetric) proposal density N(y; x − h·clip(∇E(x)), σ²I), per
 * chain over all coordinates. The proposal density uses exactly the drift the proposal used (clipped if
 * clipped). Proposals outside the {@code clamp} box are rejected, not clamped.
 *
 * <p>The fields and their meanings are those of {@code langevin}: either {@code epsilon} (h = ε²/2, σ = ε) or the
 * decoupled {@code stepSize} h and {@code noise} σ (a standard deviation, which must be > 0). The chain samples
 * exactly exp(−E/T) with T = σ²/(2h), the temperature the unadjusted dynamics approximate: T = 1 in the epsilon
 * form. With {@code adapt}, h is adapted in warm-up and σ follows as √(2hT), keeping T.
 *
 * @param steps steps per chain run (default 20)
 * @param gradClip clip each element of ∇E to [−c, c] in the drift, or null for none
 * @param clamp a box [low, high] for every coordinate; proposals outside it are rejected, or null
 * @param adapt step-size adaptation in warm-up (default target 0.574), or null for a fixed step
 * @param transitions applied to the chains after every {@code transitionEvery}-th step (default none)
 * @param transitionEvery required with {@code transitions}
 */
public record MalaSpec(
        @Default("20") @Range(min = 0) Integer steps,
        @Range(min = 0, exclusiveMin = true) Double epsilon,
        @Range(min = 0, exclusiveMin = true) Double stepSize,
        @Range(min = 0, exclusiveMin = true) Double noise,
        @Range(min = 0, exclusiveMin = true) Double gradClip,
        List<Double> clamp, StepAdapt adapt, List<TransitionSpec> transitions,
        @Range(min = 0, exclusiveMin = true) Integer transitionEvery) implements SamplerSpec {

    /** The asymptotically optimal MALA acceptance rate (Roberts &amp; Rosenthal 1998). */
    public static final double DEFAULT_TARGET = 0.574;

    public MalaSpec {
        Checks c = new Checks(MalaSpec.class);
        steps = c.field("steps", steps);
        if (epsilon != null && (stepSize != null || noise != null)) {
            c.fail(stepSize != null ? "stepSize" : "noise",
                    "cannot be given with epsilon (epsilon sets step ε²/2 and noise ε); use one form");
        } else if (epsilon == null && stepSize == null && noise == null) {
            epsilon = 0.1;
        } else if (epsilon == null) {
            c.check(stepSize != null, "stepSize", "is required with noise (or give epsilon instead)");
            c.check(noise != null, "noise", "is required with stepSize (a standard deviation > 0)");
        }
        epsilon = c.field("epsilon", epsilon);
        stepSize = c.field("stepSize", stepSize);
        if (noise != null && noise == 0) {
            c.fail("noise", "must be > 0 for mala, found 0.0 (the proposal density divides by noise²; "
                    + "for noise-free descent use gd)");
        } else {
            noise = c.field("noise", noise);
        }
        gradClip = c.field("gradClip", gradClip);
        clamp = c.interval("clamp", clamp);
        adapt = StepAdapt.resolve(adapt, c, steps, DEFAULT_TARGET);
        transitions = TransitionChecks.list(c, transitions);
        transitionEvery = TransitionChecks.every(c, transitions, transitionEvery);
        c.done();
    }

    /** A spec without transitions. */
    public MalaSpec(Integer steps, Double epsilon, Double stepSize, Double noise, Double gradClip,
            List<Double> clamp, StepAdapt adapt) {
        this(steps, epsilon, stepSize, noise, gradClip, clamp, adapt, null, null);
    }

    /** The drift step size h: ε²/2 or {@code stepSize}. */
    public double drift() {
        return epsilon != null ? epsilon * epsilon / 2 : stepSize;
    }

    /** The proposal's noise standard deviation σ: ε or {@code noise}. */
    public double noiseStd() {
        return epsilon != null ? epsilon : noise;
    }

    /** The temperature sampled: σ²/(2h); 1 in the epsilon form. */
    public double temperature() {
        return noiseStd() * noiseStd() / (2 * drift());
    }
}
