package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.samplers.spec.HmcSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * HMC with identity mass: p ~ N(0, I), L leapfrog steps of size ε on H = E(x) + ‖p‖²/2, then accept the end of
 * the trajectory with probability min(1, exp(H(x, p) − H(x', p'))). The state's step size is ε.
 */
public final class HmcKernel implements SamplerKernel {
    private final HmcSpec spec;

    public HmcKernel(HmcSpec spec) {
        this.spec = spec;
    }

    @Override
    public ChainState init(Target target, INDArray x0) {
        INDArray x = x0.dup();
        Target.Evaluation ev = target.evaluate(x);
        return new ChainState(x, ev.energy(), ev.grad(), spec.stepSize());
    }

    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        double eps = StepSizes.current(state, spec.stepSize());
        INDArray p0 = rng.normal(state.x().dataType(), state.x().shape());
        INDArray p = p0.sub(state.grad().mul(eps / 2));
        INDArray x = state.x();
        Target.Evaluation ev = null;
        int leapfrog = spec.leapfrogSteps();
        for (int l = 1; l <= leapfrog; l++) {
            x = x.add(p.mul(eps));
            ev = target.evaluate(x);
            p.subi(ev.grad().mul(l < leapfrog ? eps : eps / 2));
        }
        double[] k0 = Moves.sumSquares(p0);
        double[] k1 = Moves.sumSquares(p);
        double[] kinetic = new double[k0.length];
        for (int i = 0; i < kinetic.length; i++) {
            kinetic[i] = 0.5 * (k0[i] - k1[i]);
        }
        return Moves.metropolis(state, x, ev, 1.0, kinetic, spec.clamp(), rng, eps);
    }

    @Override
    public int steps() {
        return spec.steps();
    }

    @Override
    public int warmupSteps() {
        return spec.adapt() == null ? 0 : spec.adapt().warmup();
    }

    @Override
    public ChainState adapt(ChainState state, StepInfo info, int t) {
        return spec.adapt() == null ? state
                : StepSizes.adapt(state, info, t, spec.adapt().target(), spec.stepSize());
    }
}
