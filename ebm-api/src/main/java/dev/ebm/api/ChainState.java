package dev.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The state of a batch of chains after a step. Kernels return new states and never write into the arrays of the
 * state they were given.
 *
 * @param x positions {@code [N, ...]}: the chains a caller sees
 * @param energy tempered energies at x, {@code [N]}
 * @param grad gradient of the tempered energy at x, {@code [N, ...]}
 * @param stepSize the kernel's current step size (adapted during warm-up by kernels that adapt), or NaN
 * @param internal what the kernel keeps beyond the visible chains, opaque to everyone else, or null: a
 *     replica-exchange kernel keeps its chains at every temperature here, an annealed kernel its step count. It is
 *     immutable (or never written), so a state can be stepped twice. Code that rebuilds a state from its parts
 *     must carry it along ({@link #withStepSize}); a driver that moves the chains asks the kernel
 *     ({@link SamplerKernel#moveTo}).
 */
public record ChainState(INDArray x, INDArray energy, INDArray grad, double stepSize, Object internal) {

    /** A state with no internal part. */
    public ChainState(INDArray x, INDArray energy, INDArray grad, double stepSize) {
        this(x, energy, grad, stepSize, null);
    }

    public long chains() {
        return x.size(0);
    }

    /** This state with another step size; arrays and the internal part are shared, not copied. */
    public ChainState withStepSize(double h) {
        return new ChainState(x, energy, grad, h, internal);
    }
}
