package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.DifferentiableKernel;
import dev.ebm.api.Rng;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.autodiff.ArrayKernels;
import dev.ebm.autodiff.Tensor;
import dev.ebm.samplers.spec.LangevinSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Unadjusted Langevin: x' = clamp(x − h_t·clip(∇E(x)) + σ_t·ξ), with constant h and σ, or, when the spec anneals
 * them, the values of step t of the run ({@link LangevinSpec#drift(long)}, {@link LangevinSpec#noiseStd(long)}).
 * An annealed state counts its steps in its {@link ChainState#internal() internal} part, and its step size is
 * the one its next step will use. Steps of a run that is not annealed can be replayed on the tape
 * ({@link DifferentiableKernel}), so objectives can differentiate the chain's end point in the parameters.
 */
public final class LangevinKernel implements DifferentiableKernel {
    private final LangevinSpec spec;
    private final boolean annealed;

    public LangevinKernel(LangevinSpec spec) {
        this.spec = spec;
        this.annealed = spec.anneal() != null;
    }

    @Override
    public ChainState init(Target target, INDArray x0) {
        INDArray x = x0.dup();
        Target.Evaluation ev = target.evaluate(x);
        return new ChainState(x, ev.energy(), ev.grad(), spec.drift(0), annealed ? new StepCount(0) : null);
    }

    /** One step; its {@link StepInfo#noise()} is the increment σ·ξ it added (null without noise). */
    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        long t = annealed ? StepCount.of(state) : 0;
        double sigma = spec.noiseStd(t);
        INDArray xi = sigma > 0 ? rng.normal(state.x().dataType(), sigma, state.x().shape()) : null;
        // x − h·clip(∇E) + σξ in one pass
        INDArray x = ArrayKernels.linear(1.0, state.x(), -spec.drift(t), Moves.clip(state.grad(), spec.gradClip()), xi);
        x = Moves.clampInPlace(x, spec.clamp());
        Target.Evaluation ev = target.evaluate(x);
        ChainState next = annealed
                ? new ChainState(x, ev.energy(), ev.grad(), spec.drift(t + 1), new StepCount(t + 1))
                : new ChainState(x, ev.energy(), ev.grad(), spec.drift(0));
        return new Step(next, StepInfo.ofNoise(xi));
    }

    /** Keeps the step count of an annealed run: a transition does not restart the schedule. */
    @Override
    public ChainState moveTo(Target target, ChainState state, INDArray x) {
        ChainState fresh = init(target, x);
        return new ChainState(fresh.x(), fresh.energy(), fresh.grad(), state.stepSize(), state.internal());
    }

    /**
     * The step on the tape: clamp(x − step·clip(∇ₓE(x)/T) + noise) with ∇ₓE taken with {@code createGraph}, so the
     * result is differentiable in the target's parameters and in x; clipping and clamping use constant masks.
     */
    @Override
    public Tensor replayStep(Target target, Tensor x, INDArray noise) {
        if (annealed) {
            throw new UnsupportedOperationException(replayProblems().get(0));
        }
        return ReplaySteps.langevin(target, x, noise, spec.drift(0), spec.gradClip(), spec.clamp(),
                spec.noiseStd(0) > 0);
    }

    @Override
    public java.util.List<String> replayProblems() {
        return annealed ? java.util.List.of("an annealed langevin run (sampler.anneal) cannot be replayed on the "
                + "tape: its step size changes from step to step; remove anneal") : java.util.List.of();
    }

    /**
     * The Langevin proposal x − h·clip(∇E(x)) + σ·ξ as a new array; ξ is drawn (one normal array from
     * {@code rng}) only when σ > 0. MALA uses the same proposal, so the same generator gives the same move.
     */
    static INDArray proposal(ChainState state, double h, double sigma, Double gradClip, Rng rng) {
        INDArray xi = sigma > 0 ? rng.normal(state.x().dataType(), sigma, state.x().shape()) : null;
        return ArrayKernels.linear(1.0, state.x(), -h, Moves.clip(state.grad(), gradClip), xi);
    }

    @Override
    public int steps() {
        return spec.steps();
    }
}
