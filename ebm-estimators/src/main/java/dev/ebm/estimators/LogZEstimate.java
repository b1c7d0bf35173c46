package dev.ebm.estimators;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an estimator of log Z = log ∫exp(−E) returns.
 *
 * @param method the estimator's id ({@code is}, {@code ris}, {@code mis}, {@code bridge}, {@code rlr}, {@code ais},
 *     {@code rais})
 * @param logZ the estimate
 * @param stderr its standard error, by {@code stderrMethod}
 * @param stderrMethod how the standard error was computed, e.g. {@code delta method over independent weights}
 * @param evaluations the energy evaluations the estimate cost (one per sample point per forward pass, counted by
 *     wrapping the energy), including those spent drawing the model samples it read
 * @param gradients how many of those evaluations also computed ∇ₓE
 * @param setup what the estimate was made from (proposals, kernel, schedule, where the model samples came from)
 * @param diagnostics named numbers: effective sample size, Pareto k̂ of the weights, solver iterations, sample
 *     counts, the cost of the model samples ({@code model_sample_evaluations}), ...
 * @param warnings why the estimate or its standard error may not be trusted (empty when none is known)
 */
public record LogZEstimate(String method, double logZ, double stderr, String stderrMethod, long evaluations,
        long gradients, String setup, Map<String, Double> diagnostics, List<String> warnings) {

    public LogZEstimate {
        setup = setup == null ? "" : setup;
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        warnings = List.copyOf(warnings);
    }

    /** This estimate with its cost replaced (used by drivers that add the cost of the samples read). */
    public LogZEstimate withCost(long evaluations, long gradients) {
        return new LogZEstimate(method, logZ, stderr, stderrMethod, evaluations, gradients, setup, diagnostics,
                warnings);
    }

    /** This estimate described by {@code setup}. */
    public LogZEstimate withSetup(String setup) {
        return new LogZEstimate(method, logZ, stderr, stderrMethod, evaluations, gradients, setup, diagnostics,
                warnings);
    }

    /** This estimate with more diagnostics and warnings. */
    public LogZEstimate with(Map<String, Double> moreDiagnostics, List<String> moreWarnings) {
        Map<String, Double> d = new LinkedHashMap<>(diagnostics);
        d.putAll(moreDiagnostics);
        List<String> w = new java.util.ArrayList<>(warnings);
        w.addAll(moreWarnings);
        return new LogZEstimate(method, logZ, stderr, stderrMethod, evaluations, gradients, setup, d, w);
    }
}
