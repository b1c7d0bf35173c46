package dev.ebm.objectives;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The most recent samples an objective term has seen, flattened to rows {@code [size, d]}, first in first out.
 * The storage is allocated once (at the first samples), outside any workspace, and written in place; it holds no
 * chain state (nothing is ever sampled from it), only a reference set for an estimate.
 */
final class SampleMemory {
    private final int capacity;
    private INDArray storage;
    private int size;
    private int next;

    SampleMemory(int capacity) {
        this.capacity = capacity;
    }

    /** The samples held, as a fresh array {@code [size, d]}, or null when empty. */
    INDArray contents() {
        if (size == 0) {
            return null;
        }
        return storage.get(NDArrayIndex.interval(0, size), NDArrayIndex.all()).dup();
    }

    int size() {
        return size;
    }

    /** Appends the rows of {@code samples} {@code [n, ...]}, overwriting the oldest when full. */
    void add(INDArray samples) {
        if (capacity == 0 || samples.size(0) == 0) {
            return;
        }
        long n = samples.size(0);
        long d = samples.length() / n;
        allocate(d, samples);
        INDArray flat = samples.reshape(n, d);
        long from = Math.max(0, n - capacity); // older rows would be overwritten within this call
        for (long start = from; start < n; ) {
            long len = Math.min(n - start, capacity - next);
            storage.get(NDArrayIndex.interval(next, next + len), NDArrayIndex.all())
                    .assign(flat.get(NDArrayIndex.interval(start, start + len), NDArrayIndex.all()));
            start += len;
            next = (int) ((next + len) % capacity);
            size = (int) Math.min(capacity, size + len);
        }
    }

    private void allocate(long d, INDArray like) {
        if (storage != null && storage.size(1) == d) {
            return;
        }
        if (storage != null) {
            throw new IllegalArgumentException("samples of " + d + " coordinates given to a memory of "
                    + storage.size(1) + "-coordinate samples");
        }
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            storage = Nd4j.zeros(like.dataType(), capacity, d);
        }
    }

    /** {@code counters} (size, next) and, when not empty, {@code samples}. */
    Map<String, INDArray> state() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("counters", Nd4j.createFromArray(new long[] {size, next}));
        if (size > 0) {
            m.put("samples", storage.get(NDArrayIndex.interval(0, size), NDArrayIndex.all()).dup());
        }
        return m;
    }

    void restore(Map<String, INDArray> state) {
        INDArray counters = state.get("counters");
        if (counters == null) {
            return;
        }
        long[] c = counters.toLongVector();
        INDArray samples = state.get("samples");
        if (c[0] > 0 && samples != null) {
            allocate(samples.size(1), samples);
            storage.get(NDArrayIndex.interval(0, c[0]), NDArrayIndex.all()).assign(samples);
        }
        size = (int) c[0];
        next = (int) c[1];
    }
}
