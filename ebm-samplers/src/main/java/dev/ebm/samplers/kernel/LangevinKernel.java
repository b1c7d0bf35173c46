package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.samplers.spec.LangevinSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

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
        Target.Evaluation ev = target.evaluate(x0);
        return new ChainState(x0, ev.energy(), ev.grad(), step);
    }

    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        INDArray g = state.grad();
        if (spec.gradClip() != null) {
            double c = spec.gradClip();
            g = Transforms.min(Transforms.max(g, -c, true), c, false);
        }
        INDArray x = state.x().sub(g.mul(step));
        if (noise > 0) {
            x.addi(rng.normal(x.dataType(), x.shape()).muli(noise));
        }
        if (spec.clamp() != null) {
            x = Transforms.min(Transforms.max(x, spec.clamp().get(0), false), spec.clamp().get(1), false);
        }
        Target.Evaluation ev = target.evaluate(x);
        return new Step(new ChainState(x, ev.energy(), ev.grad(), step), StepInfo.NONE);
    }

    @Override
    public int steps() {
        return spec.steps();
    }
}
