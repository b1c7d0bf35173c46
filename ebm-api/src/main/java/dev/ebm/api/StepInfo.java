package dev.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one kernel step reports.
 *
 * @param acceptProb per-chain Metropolis–Hastings acceptance probability {@code [N]}, or null for kernels
 *     without a test
 * @param accepted per-chain 0/1 acceptance {@code [N]}, or null
 */
public record StepInfo(INDArray acceptProb, INDArray accepted) {
    public static final StepInfo NONE = new StepInfo(null, null);

    /** Mean acceptance over chains, or NaN when the kernel has no test. */
    public double acceptRate() {
        return accepted == null ? Double.NaN : accepted.meanNumber().doubleValue();
    }
}
