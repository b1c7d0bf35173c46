package dev.ebm.samplers.negatives;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import dev.ebm.samplers.spec.ReplayBufferSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Persistent chains in a buffer of fixed capacity. A draw takes each chain, independently, from the data with
 * probability {@code resetToData}, from the init with probability {@code reinit}, and otherwise uniformly from the
 * buffer (from the init while the buffer is empty). Accepted end points are stored FIFO or by reservoir sampling.
 * The storage is allocated once, outside any workspace, and written in place.
 */
final class ReplayBuffer implements NegativeSource {
    private final ReplayBufferSpec spec;
    private final Inits init;
    private final INDArray storage;
    private final long[] sampleShape;
    private int size;
    private int next;
    private long seen;

    ReplayBuffer(ReplayBufferSpec spec, Inits init, long[] sampleShape, DataType dtype) {
        this.spec = spec;
        this.init = init;
        this.sampleShape = sampleShape.clone();
        long d = 1;
        for (long s : sampleShape) {
            d *= s;
        }
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.storage = Nd4j.zeros(dtype, spec.capacity(), d);
        }
    }

    @Override
    public INDArray draw(int n, INDArray data, Rng rng) {
        INDArray out = init.draw(n, data, rng);
        INDArray flat = out.reshape(n, out.length() / n);
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            if (u < spec.resetToData()) {
                INDArray dataFlat = data.reshape(data.size(0), data.length() / data.size(0));
                flat.putRow(i, dataFlat.getRow(rng.nextInt((int) data.size(0))));
            } else if (u >= spec.resetToData() + spec.reinit() && size > 0) {
                flat.putRow(i, storage.getRow(rng.nextInt(size)));
            }
        }
        return flat.reshape(out.shape());
    }

    @Override
    public void accept(INDArray samples, Rng rng) {
        long n = samples.size(0);
        INDArray flat = samples.reshape(n, samples.length() / n);
        if ("fifo".equals(spec.policy())) {
            for (long start = 0; start < n; ) {
                long len = Math.min(n - start, spec.capacity() - next);
                storage.get(NDArrayIndex.interval(next, next + len), NDArrayIndex.all())
                        .assign(flat.get(NDArrayIndex.interval(start, start + len), NDArrayIndex.all()));
                start += len;
                next = (int) ((next + len) % spec.capacity());
                size = (int) Math.min(spec.capacity(), size + len);
            }
        } else {
            for (int i = 0; i < n; i++) {
                seen++;
                if (size < spec.capacity()) {
                    storage.putRow(size++, flat.getRow(i));
                } else {
                    long j = Math.floorMod(rng.nextLong(), seen);
                    if (j < spec.capacity()) {
                        storage.putRow(j, flat.getRow(i));
                    }
                }
            }
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    /** Number of samples held. */
    int size() {
        return size;
    }

    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("counters", Nd4j.createFromArray(new long[] {size, next, seen}));
        if (size > 0) {
            m.put("samples", storage.get(NDArrayIndex.interval(0, size), NDArrayIndex.all()).dup());
        }
        return m;
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        long[] c = state.get("counters").toLongVector();
        size = (int) c[0];
        next = (int) c[1];
        seen = c[2];
        if (size > 0) {
            storage.get(NDArrayIndex.interval(0, size), NDArrayIndex.all()).assign(state.get("samples"));
        }
    }
}
