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

    /**
     * The part of the data worker {@code index} of {@code count} trains on in data-parallel training. A finite data
     * set returns the samples whose position in its order is {@code index} mod {@code count} (disjoint shards that
     * together are the set); the default, for sources that draw from a density (the toy sources), is the source
     * itself, which every worker draws from with its own random stream. With {@code count} 1 it is this source.
     */
    default DataSource shard(int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count);
        }
        return this;
    }
}
