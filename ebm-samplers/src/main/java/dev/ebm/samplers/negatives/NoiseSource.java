package dev.ebm.samplers.negatives;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Short-run chains: fresh noise at every step, nothing kept. */
final class NoiseSource implements NegativeSource {
    private final Inits init;

    NoiseSource(Inits init) {
        this.init = init;
    }

    @Override
    public INDArray draw(int n, INDArray data, Rng rng) {
        return init.draw(n, data, rng);
    }

    @Override
    public boolean persistent() {
        return false;
    }
}
