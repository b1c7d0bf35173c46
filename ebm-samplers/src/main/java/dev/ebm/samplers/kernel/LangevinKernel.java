package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.samplers.spec.LangevinSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Unadjusted Langevin: x' = clamp(x − step·clip(∇E(x)) + noise·ξ). */
public final class LangevinKernel implements SamplerKernel {
    private final LangevinSpec spec;
    private final double step;
    private final double noise;

    public LangevinKernel(LangevinSpec spec) {
        this.spec = spec;
        this.step = spec.drift();
        this.noise = spec.noiseStd();
    }

    @Override
    public ChainState init(Target target, INDArray x0) {
        INDArray x = x0.dup();
        Target.Evaluation ev = target.evaluate(x);
        return new ChainState(x, ev.energy(), ev.grad(), step);
    }

    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        INDArray x = proposal(state, step, noise, spec.gradClip(), rng);
        x = Moves.clampInPlace(x, spec.clamp());
        Target.Evaluation ev = target.evaluate(x);
        return new Step(new ChainState(x, ev.energy(), ev.grad(), step), StepInfo.NONE);
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
