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
 * @param diagnostics named scalar diagnostics of this step, in a stable order (empty for most kernels); a key
 *     absent from a step means "not measured in this step". Replica exchange reports
 *     {@code accept_rate@T=<t>} per temperature and {@code swap_rate@T=<a>:<b>} per neighbouring pair.
 */
public record StepInfo(INDArray acceptProb, INDArray accepted, Map<String, Double> diagnostics) {
    public static final StepInfo NONE = new StepInfo(null, null);

    public StepInfo {
        diagnostics = diagnostics == null || diagnostics.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /** A step with no named diagnostics. */
    public StepInfo(INDArray acceptProb, INDArray accepted) {
        this(acceptProb, accepted, Map.of());
    }

    /** Mean acceptance over chains, or NaN when the kernel has no test. */
    public double acceptRate() {
        return accepted == null ? Double.NaN : accepted.meanNumber().doubleValue();
    }
}
