package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.DifferentiableKernel;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.autodiff.Tensor;
import dev.ebm.samplers.spec.GdSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Noise-free gradient descent x' = clamp(x − stepSize·clip(∇E(x))): Langevin with no noise. Draws nothing. Its
 * steps can be replayed on the tape ({@link DifferentiableKernel}).
 */
public final class GdKernel implements DifferentiableKernel {
    private final GdSpec spec;
    private final LangevinKernel langevin;

    public GdKernel(GdSpec spec) {
        this.spec = spec;
        this.langevin = new LangevinKernel(spec.asLangevin());
    }

    @Override
    public ChainState init(Target target, INDArray x0) {
        return langevin.init(target, x0);
    }

    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        return langevin.step(target, state, rng);
    }

    @Override
    public Tensor replayStep(Target target, Tensor x, INDArray noise) {
        return langevin.replayStep(target, x, noise);
    }

    @Override
    public int steps() {
        return spec.steps();
    }
}
