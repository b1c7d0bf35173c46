package dev.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The state of a batch of chains after a step. Kernels return new states and never write into the arrays of the
 * state they were given.
 *
 * @param x positions {@code [N, ...]}
 * @param energy tempered energies at x, {@code [N]}
 * @param grad gradient of the tempered energy at x, {@code [N, ...]}
 * @param stepSize the kernel's current step size (adapted during warm-up by kernels that adapt), or NaN
 */
public record ChainState(INDArray x, INDArray energy, INDArray grad, double stepSize) {

    public long chains() {
        return x.size(0);
    }
}
