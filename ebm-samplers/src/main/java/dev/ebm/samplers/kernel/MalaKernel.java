package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.samplers.spec.MalaSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MALA: the Langevin proposal y = x − h·clip(∇E(x)) + σξ, accepted with probability
 * min(1, exp(−(E(y) − E(x))/T)·q(x | y)/q(y | x)) where q(b | a) = N(b; a − h·clip(∇E(a)), σ²I) and T = σ²/(2h).
 * The state's step size is h; σ = √(2hT) follows it when h adapts.
 */
public final class MalaKernel implements SamplerKernel {
    private final MalaSpec spec;
    private final double step0;
    private final double temperature;

    public MalaKernel(MalaSpec spec) {
        this.spec = spec;
        this.step0 = spec.drift();
        this.temperature = spec.temperature();
    }

    @Override
    public ChainState init(Target target, INDArray x0) {
        INDArray x = x0.dup();
        Target.Evaluation ev = target.evaluate(x);
        return new ChainState(x, ev.energy(), ev.grad(), step0);
    }

    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        double h = StepSizes.current(state, step0);
        double sigma = Math.sqrt(2 * temperature * h);
        INDArray x = state.x();
        INDArray forwardMean = x.sub(Moves.clip(state.grad(), spec.gradClip()).mul(h));
        INDArray y = LangevinKernel.proposal(state, h, sigma, spec.gradClip(), rng);
        Target.Evaluation atY = target.evaluate(y);
        INDArray backwardMean = y.sub(Moves.clip(atY.grad(), spec.gradClip()).mul(h));
        double[] forward = Moves.sumSquares(y.sub(forwardMean));
        double[] backward = Moves.sumSquares(x.sub(backwardMean));
        double[] logQRatio = new double[forward.length];
        double twoVar = 2 * sigma * sigma;
        for (int i = 0; i < logQRatio.length; i++) {
            logQRatio[i] = (forward[i] - backward[i]) / twoVar; // log q(x | y) − log q(y | x)
        }
        return Moves.metropolis(state, y, atY, temperature, logQRatio, spec.clamp(), rng, h);
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
        return spec.adapt() == null ? state : StepSizes.adapt(state, info, t, spec.adapt().target(), step0);
    }

    /** The spec this kernel was built from. */
    public MalaSpec spec() {
        return spec;
    }
}
