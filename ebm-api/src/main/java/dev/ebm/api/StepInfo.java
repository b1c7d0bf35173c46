package dev.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one kernel step reports.
 *
 * @param acceptProb per-chain Metropolis–Hastings acceptance probability {@code [N]}, or null for kernels
 *     without a test
 * @param accepted per-chain 0/1 acceptance {@code [N]}, or null
 * @param noise the random increment the step added to the positions {@code [N, ...]} (σ·ξ for Langevin, before
 *     any clamping), for kernels that can replay their steps on the tape ({@link DifferentiableKernel}); null when
 *     the step drew no noise or the kernel does not replay. The array belongs to the step's new state: nobody
 *     writes into it.
 */
public record StepInfo(INDArray acceptProb, INDArray accepted, INDArray noise) {
    public static final StepInfo NONE = new StepInfo(null, null, null);

    /** A step with a Metropolis–Hastings test and no recorded noise. */
    public StepInfo(INDArray acceptProb, INDArray accepted) {
        this(acceptProb, accepted, null);
    }

    /** A step without a test that added {@code noise} (may be null) to the positions. */
    public static StepInfo ofNoise(INDArray noise) {
        return noise == null ? NONE : new StepInfo(null, null, noise);
    }

    /** Mean acceptance over chains, or NaN when the kernel has no test. */
    public double acceptRate() {
        return accepted == null ? Double.NaN : accepted.meanNumber().doubleValue();
    }
}
