package dev.ebm.transitions;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * x' = x + std·ξ with ξ ~ N(0, I), for samples of any shape {@code [N, ...]}; each sample is moved with
 * probability p ({@link Chosen}), the others are copied unchanged. The generator draws the choice (nothing when
 * p = 1), then ξ for the whole batch in one {@link Rng#normal} call.
 */
final class NoiseTransition implements Transition {
    private final double std;
    private final double p;

    NoiseTransition(double std, double p) {
        this.std = std;
        this.p = p;
    }

    @Override
    public INDArray apply(INDArray x, Rng rng) {
        int n = (int) x.size(0);
        int[] chosen = Chosen.of(n, p, rng);
        if (chosen.length == 0) {
            return x.dup();
        }
        INDArray noise = rng.normal(x.dataType(), x.shape()).muli(std);
        if (chosen.length < n) {
            INDArray mask = Nd4j.zeros(x.dataType(), n, 1);
            for (int k : chosen) {
                mask.putScalar(k, 0, 1.0);
            }
            noise.reshape('c', n, x.length() / n).muliColumnVector(mask);
        }
        return noise.addi(x);
    }
}
