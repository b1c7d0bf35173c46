package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.samplers.spec.LangevinSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Unadjusted Langevin: x' = clamp(x − h_t·clip(∇E(x)) + σ_t·ξ), with constant h and σ, or, when the spec anneals
 * them, the values of step t of the run ({@link LangevinSpec#drift(long)}, {@link LangevinSpec#noiseStd(long)}).
 * An annealed state counts its steps in its {@link ChainState#internal() internal} part, and its step size is
 * the one its next step will use.
 */
public final class LangevinKernel implements SamplerKernel {
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

    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        long t = annealed ? StepCount.of(state) : 0;
        INDArray x = proposal(state, spec.drift(t), spec.noiseStd(t), spec.gradClip(), rng);
        x = Moves.clampInPlace(x, spec.clamp());
        Target.Evaluation ev = target.evaluate(x);
        ChainState next = annealed
                ? new ChainState(x, ev.energy(), ev.grad(), spec.drift(t + 1), new StepCount(t + 1))
                : new ChainState(x, ev.energy(), ev.grad(), spec.drift(0));
        return new Step(next, StepInfo.NONE);
    }

    /** Keeps the step count of an annealed run: a transition does not restart the schedule. */
    @Override
    public ChainState moveTo(Target target, ChainState state, INDArray x) {
        ChainState fresh = init(target, x);
        return new ChainState(fresh.x(), fresh.energy(), fresh.grad(), state.stepSize(), state.internal());
    }

    /**
     * The Langevin proposal x − h·clip(∇E(x)) + σ·ξ as a new array; ξ is drawn (one normal array from
     * {@code rng}) only when σ > 0. MALA uses the same proposal, so the same generator gives the same move.
     */
    static INDArray proposal(ChainState state, double h, double sigma, Double gradClip, Rng rng) {
        INDArray x = state.x().sub(Moves.clip(state.grad(), gradClip).mul(h));
        if (sigma > 0) {
            x.addi(rng.normal(x.dataType(), x.shape()).muli(sigma));
        }
        return x;
    }

    @Override
    public int steps() {
        return spec.steps();
    }
}
