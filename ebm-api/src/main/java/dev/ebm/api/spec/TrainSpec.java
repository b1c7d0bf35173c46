package dev.ebm.api.spec;

import java.util.List;

/**
 * How long and how the training loop runs.
 *
 * @param steps optimizer steps
 * @param batch data points per step (and negative chains, unless {@code chains} is given)
 * @param chains negative chains per step (default: {@code batch})
 * @param logEvery steps between metric lines
 * @param checkpointEvery steps between checkpoints
 * @param sampleEvery steps between sample images
 * @param maxEnergy a run stops when |E| at the data or the negatives exceeds this (exploding energies)
 * @param evalPoints fresh data points used for the final evaluation of toy densities
 * @param evalGrid grid points per axis for the 2-D normalising constant
 * @param logZ an estimator of log Z whose estimate {@code eval.json} also holds under {@code log_z_estimate}
 *     (the ids of {@code bin/ebm logz --method}), or null for none (the default)
 * @param distributed data-parallel training over several workers, or null for one process
 */
public record TrainSpec(
        @Default("1000") @Range(min = 0, exclusiveMin = true) Integer steps,
        @Default("128") @Range(min = 0, exclusiveMin = true) Integer batch,
        @Range(min = 0, exclusiveMin = true) Integer chains,
        @Default("10") @Range(min = 0, exclusiveMin = true) Integer logEvery,
        @Default("500") @Range(min = 0, exclusiveMin = true) Integer checkpointEvery,
        @Default("500") @Range(min = 0, exclusiveMin = true) Integer sampleEvery,
        @Default("1.0e6") @Range(min = 0, exclusiveMin = true) Double maxEnergy,
        @Default("20000") @Range(min = 0, exclusiveMin = true) Integer evalPoints,
        @Default("300") @Range(min = 0, exclusiveMin = true) Integer evalGrid,
        @OneOf({"is", "ris", "mis", "bridge", "rlr", "ais", "rais", "all"}) String logZ,
        DistributedSpec distributed) {

    /** The estimators {@code logZ} may name. */
    public static final List<String> LOG_Z_METHODS = List.of("is", "ris", "mis", "bridge", "rlr", "ais", "rais",
            "all");

    public TrainSpec {
        Checks c = new Checks(TrainSpec.class);
        steps = c.field("steps", steps);
        batch = c.field("batch", batch);
        chains = c.field("chains", chains == null ? batch : chains);
        logEvery = c.field("logEvery", logEvery);
        checkpointEvery = c.field("checkpointEvery", checkpointEvery);
        sampleEvery = c.field("sampleEvery", sampleEvery);
        maxEnergy = c.field("maxEnergy", maxEnergy);
        evalPoints = c.field("evalPoints", evalPoints);
        evalGrid = c.field("evalGrid", evalGrid);
        logZ = c.field("logZ", logZ);
        if (distributed != null && batch != null && chains != null) {
            int n = distributed.workers();
            // each worker's gradient is weighted by its share of the batch: exact when its chains are the same share
            c.check(batch >= n, "batch", "must be >= distributed.workers = " + n + " (each worker needs data), found "
                    + batch);
            c.check(chains >= n, "chains", "must be >= distributed.workers = " + n + ", found " + chains);
            c.check(chains.equals(batch) || batch % n == 0 && chains % n == 0, "chains", "must equal batch, or "
                    + "batch and chains must both be multiples of distributed.workers = " + n + " (each worker's "
                    + "share of the chains must equal its share of the batch), found batch " + batch + ", chains "
                    + chains);
        }
        c.done();
    }

    public static TrainSpec defaults() {
        return new TrainSpec(null, null, null, null, null, null, null, null, null, null, null);
    }
}
