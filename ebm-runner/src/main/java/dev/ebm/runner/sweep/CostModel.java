package dev.ebm.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rough prior for the wall time of a training run, used by {@code --dry-run} and by the time-remaining estimate
 * until runs of the sweep have been measured: {@code START + steps × (A·batch/256 + B·K·chains/256)} seconds, with K
 * the sampler's steps per training step (0 without negatives or sampler), A = {@value #A} s, B = {@value #B} s and
 * START = {@value #START} s (process start, native libraries, final evaluation). The
 * constants fit the README's one-thread measurements of the eight-gaussians examples (2-128-128-1 MLP, batch 256,
 * two runs at a time on two cores): about 0.15–0.2 s a step with K = 20, 0.1 s with K = 10, 0.01–0.02 s without
 * chains. They know nothing of network size, image data or replica exchange; the running sweep rescales them by
 * what its finished runs took.
 */
public final class CostModel {
    /** Seconds per training step per 256 data points, without chains. */
    public static final double A = 0.015;
    /** Seconds per sampler step per 256 chains. */
    public static final double B = 0.0075;
    /** Seconds per run for starting the process and native libraries and for the final evaluation. */
    public static final double START = 15;

    private CostModel() {}

    /** Estimated seconds to train the resolved spec {@code spec} (a spec tree) from step {@code from} to the end. */
    public static double seconds(JsonNode spec, long from) {
        JsonNode train = spec.path("train");
        long steps = train.path("steps").asLong(1000);
        double batch = train.path("batch").asDouble(128);
        double chains = train.path("chains").asDouble(batch);
        boolean mcmc = spec.hasNonNull("sampler") && spec.hasNonNull("negatives");
        double k = mcmc ? spec.path("sampler").path("steps").asDouble(0) : 0;
        return START + Math.max(0, steps - from) * (A * batch / 256 + B * k * chains / 256);
    }

    /** A duration in words: {@code 45 s}, {@code 12 min}, {@code 3.5 h}. */
    public static String words(double seconds) {
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 5400) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format("%.1f h", seconds / 3600);
    }
}
