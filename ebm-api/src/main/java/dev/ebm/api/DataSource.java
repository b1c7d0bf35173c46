package dev.ebm.api;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Training data. */
public interface DataSource {

    /** The shape of one sample, e.g. {@code [2]} or {@code [1, 28, 28]}. */
    long[] sampleShape();

    /** A batch {@code [n, ...sample shape]} drawn with {@code rng}. */
    INDArray batch(int n, Rng rng, DataType dtype);

    /** A box holding (nearly) all the data, per flattened coordinate: the default range of uniform inits. */
    Box bounds();
}
