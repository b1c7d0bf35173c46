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
     * How many leading steps of each chain run are warm-up (0: none). After each warm-up step the driver calls
     * {@link #adapt}; after the last one, {@link #endWarmup}. The steps after warm-up run at a fixed step size, so
     * they are an ordinary (time-homogeneous) Markov chain.
     */
    default int warmupSteps() {
        return 0;
    }

    /**
     * After warm-up step {@code t} (counted from 0) which reported {@code info}: the state to continue from, with
     * an adapted {@link ChainState#stepSize()}. Positions, energies and gradients are kept. The default adapts
     * nothing.
     */
    default ChainState adapt(ChainState state, StepInfo info, int t) {
        return state;
    }

    /**
     * Called by the driver once after the last warm-up step: the state the sampling steps start from (a kernel
     * may, e.g., settle on a final step size here). Kernels that do not adapt ignore it.
     */
    default ChainState endWarmup(ChainState state) {
        return state;
    }

    /**
     * The state after the driver moved the visible chains to {@code x} (a transition such as data augmentation):
     * energies and gradients at {@code x}, the step size kept, and whatever else the kernel keeps carried over as
     * far as it still applies. Neither {@code state} nor {@code x} is mutated or retained. The default
     * re-initialises at {@code x} and keeps the step size; kernels with an {@link ChainState#internal() internal}
     * part override it (replica exchange keeps its other temperatures, an annealed kernel its step count).
     */
    default ChainState moveTo(Target target, ChainState state, INDArray x) {
        ChainState fresh = init(target, x);
        return new ChainState(fresh.x(), fresh.energy(), fresh.grad(), state.stepSize(), fresh.internal());
    }

    /** A new state and what the step reports. */
    record Step(ChainState state, StepInfo info) {}
}
