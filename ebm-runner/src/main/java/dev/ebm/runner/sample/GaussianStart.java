package dev.ebm.runner.sample;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where {@code bin/ebm sample} starts chains when the spec has no {@code negatives} section: independent N(0, 1)
 * draws for every coordinate. Not a plugin: the runner's own default, so that it names no plugin's type id.
 */
final class GaussianStart implements NegativeSource {
    /** How info.json and the log name this start. */
    static final String NAME = "gaussian noise with std 1 (the default without negatives)";

    private final long[] sampleShape;
    private final DataType dtype;

    GaussianStart(long[] sampleShape, DataType dtype) {
        this.sampleShape = sampleShape.clone();
        this.dtype = dtype;
    }

    @Override
    public INDArray draw(int n, INDArray data, Rng rng) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = n;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return rng.normal(dtype, shape);
    }

    @Override
    public boolean persistent() {
        return false;
    }
}
