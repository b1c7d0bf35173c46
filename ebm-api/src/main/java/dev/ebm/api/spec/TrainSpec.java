package dev.ebm.api.spec;

import java.util.List;

/**
 * How long and how the training loop runs.
 *
 * @param steps optimizer steps
 * @param batch data points per step (and negative chains, unless {@code chains} is given)
 * @param chains negative chains per step; defaults to {@code batch}
 * @param logEvery steps between metric lines
 * @param checkpointEvery steps between checkpoints
 * @param sampleEvery steps between sample images
 * @param maxEnergy a run stops when |E| at the data or the negatives exceeds this (exploding energies)
 * @param evalPoints fresh data points used for the final evaluation of toy densities
 * @param evalGrid grid points per axis for the 2-D normalising constant
 * @param logZ an estimator of log Z whose estimate {@code eval.json} also holds under {@code log_z_estimate}
 *     (the ids of {@code bin/ebm logz --method}), or null for none (the default)
 */
public record TrainSpec(Integer steps, Integer batch, Integer chains, Integer logEvery, Integer checkpointEvery,
        Integer sampleEvery, Double maxEnergy, Integer evalPoints, Integer evalGrid, String logZ) {

    /** The estimators {@code logZ} may name. */
    public static final List<String> LOG_Z_METHODS = List.of("is", "ris", "mis", "bridge", "rlr", "ais", "rais",
            "all");

    public TrainSpec {
        Checks c = new Checks();
        steps = c.positive("steps", steps, 1000);
        batch = c.positive("batch", batch, 128);
        chains = c.positive("chains", chains, batch);
        logEvery = c.positive("logEvery", logEvery, 10);
        checkpointEvery = c.positive("checkpointEvery", checkpointEvery, 500);
        sampleEvery = c.positive("sampleEvery", sampleEvery, 500);
        maxEnergy = c.positive("maxEnergy", maxEnergy, 1.0e6);
        evalPoints = c.positive("evalPoints", evalPoints, 20000);
        evalGrid = c.positive("evalGrid", evalGrid, 300);
        logZ = c.oneOf("logZ", logZ, null, LOG_Z_METHODS);
        c.done();
    }

    public static TrainSpec defaults() {
        return new TrainSpec(null, null, null, null, null, null, null, null, null, null);
    }
}
