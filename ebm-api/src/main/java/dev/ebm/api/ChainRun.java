package dev.ebm.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The outcome of running chains for a number of steps.
 *
 * @param start the chains' start positions (the negative source's draw, after transitions)
 * @param end the final state
 * @param acceptRate mean acceptance over chains and the steps after warm-up (over the warm-up steps when the run
 *     was all warm-up), NaN for kernels without a test
 * @param steps the number of kernel steps taken
 * @param diagnostics each of the steps' {@link StepInfo#diagnostics() named diagnostics} averaged over the steps
 *     after warm-up that reported it (over the warm-up steps when the run was all warm-up); NaN values are
 *     skipped
 */
public record ChainRun(INDArray start, ChainState end, double acceptRate, int steps, Map<String, Double> diagnostics) {

    public ChainRun {
        diagnostics = diagnostics == null || diagnostics.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /** A run without named diagnostics. */
    public ChainRun(INDArray start, ChainState end, double acceptRate, int steps) {
        this(start, end, acceptRate, steps, Map.of());
    }
}
