package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Noise-free gradient descent on the energy, x' = clamp(x − stepSize·clip(∇E(x))): the "sampler" of papers that
 * drop Langevin's noise. It is {@code langevin} with {@code noise: 0} and samples nothing: its chains settle at
 * local minima of E.
 *
 * @param steps steps per chain run (default 20)
 * @param stepSize the gradient step (required)
 * @param gradClip clip each element of ∇E to [−c, c], or null for none
 * @param clamp a box [low, high] every coordinate is clamped to after each step, or null
 * @param transitions applied to the chains after every {@code transitionEvery}-th step (default none)
 * @param transitionEvery required with {@code transitions}
 */
public record GdSpec(
        @Default("20") @Range(min = 0) Integer steps,
        @Required("x' = x − stepSize·∇E(x)") @Range(min = 0, exclusiveMin = true) Double stepSize,
        @Range(min = 0, exclusiveMin = true) Double gradClip,
        List<Double> clamp, List<TransitionSpec> transitions,
        @Range(min = 0, exclusiveMin = true) Integer transitionEvery) implements SamplerSpec {

    public GdSpec {
        Checks c = new Checks(GdSpec.class);
        steps = c.field("steps", steps);
        stepSize = c.field("stepSize", stepSize);
        gradClip = c.field("gradClip", gradClip);
        clamp = c.interval("clamp", clamp);
        transitions = TransitionChecks.list(c, transitions);
        transitionEvery = TransitionChecks.every(c, transitions, transitionEvery);
        c.done();
    }

    /** A spec without transitions. */
    public GdSpec(Integer steps, Double stepSize, Double gradClip, List<Double> clamp) {
        this(steps, stepSize, gradClip, clamp, null, null);
    }

    /** The same dynamics as a {@code langevin} spec with {@code noise: 0}. */
    public LangevinSpec asLangevin() {
        return new LangevinSpec(steps, null, stepSize, 0.0, gradClip, clamp);
    }
}
