package dev.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One MCMC transition on a batch of independent chains. The driver ({@link Chains}) owns the number of steps,
 * warm-up and transitions; the kernel owns one step. A kernel holds no random generator and no chain state of its
 * own, and never mutates the state it is given.
 */
public interface SamplerKernel {

    /** The state at {@code x0}, with energy and gradient evaluated; {@code x0} is not retained or mutated. */
    ChainState init(Target target, INDArray x0);

    /** One transition from {@code state}. */
    Step step(Target target, ChainState state, Rng rng);

    /** Steps per chain run that the kernel's spec asks for. */
    int steps();

    /**
     * Tells the kernel whether the coming steps are warm-up, in which a kernel may adapt its step size. Kernels
     * that do not adapt ignore it.
     */
    default ChainState endWarmup(ChainState state) {
        return state;
    }

    /** A new state and what the step reports. */
    record Step(ChainState state, StepInfo info) {}
}
