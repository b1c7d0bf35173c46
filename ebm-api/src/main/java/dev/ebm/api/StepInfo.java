package dev.ebm.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one kernel step reports.
 *
 * @param acceptProb per-chain probability that the step moves the chain {@code [N]} (for Metropolis–Hastings
 *     kernels, the acceptance probability), or null for kernels without a test
 * @param accepted per-chain 0/1: whether the step moved the chain {@code [N]}, or null
 * @param noise the random increment the step added to the positions {@code [N, ...]} (σ·ξ for Langevin, before
 *     any clamping), for kernels that can replay their steps on the tape ({@link DifferentiableKernel}); null when
 *     the step drew no noise or the kernel does not replay. The array belongs to the step's new state: nobody
 *     writes into it.
 * @param diagnostics named scalar diagnostics of this step, in a stable order (empty for most kernels); a key
 *     absent from a step means "not measured in this step". Replica exchange reports
 *     {@code accept_rate@T=<t>} per temperature and {@code swap_rate@T=<a>:<b>} per neighbouring pair.
 */
public record StepInfo(INDArray acceptProb, INDArray accepted, INDArray noise, Map<String, Double> diagnostics) {
    public static final StepInfo NONE = new StepInfo(null, null, null, Map.of());

    public StepInfo {
        diagnostics = diagnostics == null || diagnostics.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /** A step with a Metropolis–Hastings test, no recorded noise and no named diagnostics. */
    public StepInfo(INDArray acceptProb, INDArray accepted) {
        this(acceptProb, accepted, null, Map.of());
    }

    /** A step with named diagnostics and no recorded noise. */
    public StepInfo(INDArray acceptProb, INDArray accepted, Map<String, Double> diagnostics) {
        this(acceptProb, accepted, null, diagnostics);
    }

    /** A step with a test and recorded noise. */
    public StepInfo(INDArray acceptProb, INDArray accepted, INDArray noise) {
        this(acceptProb, accepted, noise, Map.of());
    }

    /** A step without a test that added {@code noise} (may be null) to the positions. */
    public static StepInfo ofNoise(INDArray noise) {
        return noise == null ? NONE : new StepInfo(null, null, noise, Map.of());
    }

    /** Mean acceptance over chains, or NaN when the kernel has no test. */
    public double acceptRate() {
        return accepted == null ? Double.NaN : accepted.meanNumber().doubleValue();
    }
}
