package dev.ebm.samplers.negatives;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import dev.ebm.api.StartDensity;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Short-run chains: fresh noise at every step, nothing kept; the noise's density is known ({@link StartDensity}). */
final class NoiseSource implements NegativeSource, StartDensity {
    private final Inits init;

    NoiseSource(Inits init) {
        this.init = init;
    }

    @Override
    public INDArray draw(int n, INDArray data, Rng rng) {
        return init.draw(n, data, rng);
    }

    @Override
    public double[] logStartDensity(INDArray x0) {
        return init.logDensity(x0);
    }

    @Override
    public boolean persistent() {
        return false;
    }
}
