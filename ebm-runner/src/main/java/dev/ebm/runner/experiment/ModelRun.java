package dev.ebm.runner.experiment;

import java.nio.file.Path;

/**
 * A run of one of an experiment's sweeps: its case, seed and directory, whether training finished, and the wall
 * time its training took (summed over the sweep's invocations; null when unknown).
 */
record ModelRun(String sweep, String caseName, long seed, Path dir, boolean finished, Double wallSeconds) {
    String label() {
        return caseName + "-seed" + seed;
    }
}
