package dev.ebm.api.plugin;

import java.util.Arrays;

/**
 * What a provider may read to estimate its {@linkplain Provider#allocations allocations} before anything is built.
 *
 * @param sampleShape the shape of one sample, e.g. {@code [2]} or {@code [1, 28, 28]}
 * @param dtypeBytes bytes per number of the run's floating-point type (4 for float32, 8 for float64)
 * @param batch data points per training step
 * @param chains negative chains per training step
 * @param rows the most samples the energy sees at once in a training step (data batch and chains together)
 */
public record Sizing(long[] sampleShape, int dtypeBytes, long batch, long chains, long rows) {

    /** Numbers in one flattened sample. */
    public long sampleSize() {
        return Allocation.product(sampleShape);
    }

    /** {@code count} samples of the run's type, in bytes. */
    public long samples(long count) {
        return Allocation.product(count, sampleSize(), dtypeBytes);
    }

    /** The sample shape as text, e.g. {@code [1, 28, 28]}. */
    public String shape() {
        return Arrays.toString(sampleShape);
    }
}
