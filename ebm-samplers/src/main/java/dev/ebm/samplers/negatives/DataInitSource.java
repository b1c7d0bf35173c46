package dev.ebm.samplers.negatives;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/** CD-k: chains start at the current data batch (cycled if more chains than data points are asked for). */
final class DataInitSource implements NegativeSource {
    @Override
    public INDArray draw(int n, INDArray data, Rng rng) {
        if (n == data.size(0)) {
            return data.dup();
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) (i % data.size(0));
        }
        return Inits.gather(data, idx);
    }

    @Override
    public boolean persistent() {
        return false;
    }
}
