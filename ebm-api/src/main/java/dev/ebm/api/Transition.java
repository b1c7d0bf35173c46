package dev.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A stochastic map on a batch of samples (a data-augmentation move); returns a new array. */
public interface Transition {
    INDArray apply(INDArray x, Rng rng);
}
