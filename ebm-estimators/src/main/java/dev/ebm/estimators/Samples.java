package dev.ebm.estimators;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Samples of the model, with where they came from and what they cost.
 *
 * @param x the samples {@code [n, ...sample shape]}
 * @param exact true for exact independent draws (an analytic density), false for MCMC end points
 * @param evaluations energy evaluations spent drawing them (0 for exact draws)
 * @param gradients how many of those computed gradients
 * @param source a short description, e.g. {@code exact draws} or {@code mala, 200 steps from the replay buffer}
 */
public record Samples(INDArray x, boolean exact, long evaluations, long gradients, String source) {

    public int size() {
        return (int) x.size(0);
    }
}
