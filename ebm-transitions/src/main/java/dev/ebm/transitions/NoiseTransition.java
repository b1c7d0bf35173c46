package dev.ebm.transitions;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import org.nd4j.linalg.api.ndarray.INDArray;

/** x' = x + std·ξ with ξ ~ N(0, I) drawn from the generator; any shape. */
final class NoiseTransition implements Transition {
    private final double std;

    NoiseTransition(double std) {
        this.std = std;
    }

    @Override
    public INDArray apply(INDArray x, Rng rng) {
        return rng.normal(x.dataType(), x.shape()).muli(std).addi(x);
    }
}
