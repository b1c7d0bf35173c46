package dev.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The outcome of running chains for a number of steps.
 *
 * @param start the chains' start positions (the negative source's draw, after transitions)
 * @param end the final state
 * @param acceptRate mean acceptance over chains and the steps after warm-up (over the warm-up steps when the run
 *     was all warm-up), NaN for kernels without a test
 * @param steps the number of kernel steps taken
 */
public record ChainRun(INDArray start, ChainState end, double acceptRate, int steps) {}
