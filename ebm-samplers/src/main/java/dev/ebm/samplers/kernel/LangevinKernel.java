package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.DifferentiableKernel;
import dev.ebm.api.Rng;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.autodiff.Tensor;
import dev.ebm.samplers.spec.LangevinSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Unadjusted Langevin: x' = clamp(x − step·clip(∇E(x)) + noise·ξ). Its steps can be replayed on the tape
 * ({@link DifferentiableKernel}), so objectives can differentiate the chain's end point in the parameters.
 */
public final class LangevinKernel implements DifferentiableKernel {
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

    /** One step; its {@link StepInfo#noise()} is the increment σ·ξ it added (null without noise). */
    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        INDArray x = drift(state, step, spec.gradClip());
        INDArray xi = null;
        if (noise > 0) {
            xi = rng.normal(x.dataType(), x.shape()).muli(noise);
            x.addi(xi);
        }
        x = Moves.clampInPlace(x, spec.clamp());
        Target.Evaluation ev = target.evaluate(x);
        return new Step(new ChainState(x, ev.energy(), ev.grad(), step), StepInfo.ofNoise(xi));
    }

    /**
     * The step on the tape: clamp(x − step·clip(∇ₓE(x)/T) + noise) with ∇ₓE taken with {@code createGraph}, so the
     * result is differentiable in the target's parameters and in x; clipping and clamping use constant masks.
     */
    @Override
    public Tensor replayStep(Target target, Tensor x, INDArray noise) {
        return ReplaySteps.langevin(target, x, noise, step, spec.gradClip(), spec.clamp(), this.noise > 0);
    }

    /** x − h·clip(∇E(x)) as a new array. */
    static INDArray drift(ChainState state, double h, Double gradClip) {
        return state.x().sub(Moves.clip(state.grad(), gradClip).mul(h));
    }

    /**
     * The Langevin proposal x − h·clip(∇E(x)) + σ·ξ as a new array; ξ is drawn (one normal array from
     * {@code rng}) only when σ > 0. MALA uses the same proposal, so the same generator gives the same move.
     */
    static INDArray proposal(ChainState state, double h, double sigma, Double gradClip, Rng rng) {
        INDArray x = drift(state, h, gradClip);
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
