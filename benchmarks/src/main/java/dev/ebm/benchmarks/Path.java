package dev.ebm.benchmarks;

import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Kernels;

/**
 * Which implementation a benchmark runs: the fast paths (direct BLAS, fused kernels) or the reference ND4J ops
 * ({@link Kernels#reference()}, switched on for the benchmark thread).
 */
public enum Path {
    FAST, REFERENCE;

    /** Opens the scope this path needs on the calling thread (close it in the tear-down). */
    GradMode.Scope open() {
        return this == REFERENCE ? Kernels.reference() : () -> { };
    }
}
