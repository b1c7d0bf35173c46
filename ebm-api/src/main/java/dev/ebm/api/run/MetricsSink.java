package dev.ebm.api.run;

/**
 * Where a plugin reports scalar metrics of the training step in progress. A value recorded during step t becomes a
 * field of step t's line in the run's {@code metrics.jsonl} (when that step is logged; a later value for the same
 * name in the same step replaces the earlier one), beside the runner's own {@code loss}, {@code e_pos}, ...
 *
 * <p>A plugin gets the sink of its run by injection ({@code @Inject}, see {@code docs/PLUGINS.md}); plugins created
 * outside a training run (by {@code explain}, by a library user) get a sink that discards what it is given.
 */
public interface MetricsSink {

    /** A sink that keeps nothing. */
    MetricsSink DISCARD = (name, value) -> {};

    /**
     * Records a value for the current step.
     *
     * @param name a metric name: lower-case letters, digits and {@code _ . : @ = -}, starting with a letter, and not
     *     one of the runner's own fields ({@code step}, {@code loss}, {@code e_pos}, {@code e_neg},
     *     {@code grad_norm}, {@code accept_rate}, {@code wall_s}, {@code terms})
     * @param value the value (NaN and infinities are written as JSON strings by the runner)
     * @throws IllegalArgumentException for a name that is not allowed
     */
    void record(String name, double value);
}
