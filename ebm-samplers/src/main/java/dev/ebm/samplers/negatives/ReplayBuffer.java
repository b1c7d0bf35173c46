package dev.ebm.samplers.negatives;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import dev.ebm.samplers.spec.ReplayBufferSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Persistent chains in a buffer of fixed capacity. A draw takes each chain, independently, from the data with
 * probability {@code resetToData}, from the init with probability {@code reinit}, and otherwise uniformly from the
 * buffer (from the init while the buffer is empty). The chains taken from the buffer then pass through the
 * spec's transitions, in order. Accepted end points are stored FIFO (the newest {@code capacity}) or by reservoir
 * sampling (a uniform sample of every end point ever accepted, Vitter's algorithm R). The storage is allocated
 * once, outside any workspace, and written in place.
 */
final class ReplayBuffer implements NegativeSource {
    private final ReplayBufferSpec spec;
    private final Inits init;
    private final INDArray storage;
    private final long[] sampleShape;
    private final List<Transition> transitions;
    private int size;
    private int next;
    private long seen;

    ReplayBuffer(ReplayBufferSpec spec, Inits init, long[] sampleShape, DataType dtype, List<Transition> transitions) {
        this.spec = spec;
        this.init = init;
        this.sampleShape = sampleShape.clone();
        this.transitions = List.copyOf(transitions);
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
        int[] fromBuffer = new int[n];
        int taken = 0;
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            if (u < spec.resetToData()) {
                INDArray dataFlat = data.reshape(data.size(0), data.length() / data.size(0));
                flat.putRow(i, dataFlat.getRow(rng.nextInt((int) data.size(0))));
            } else if (u >= spec.resetToData() + spec.reinit() && size > 0) {
                flat.putRow(i, storage.getRow(rng.nextInt(size)));
                fromBuffer[taken++] = i;
            }
        }
        if (!transitions.isEmpty() && taken > 0) {
            int[] rows = Arrays.copyOf(fromBuffer, taken);
            INDArray moved = Inits.gather(flat.reshape(out.shape()), rows);
            for (Transition t : transitions) {
                moved = t.apply(moved, rng);
            }
            INDArray movedFlat = moved.reshape(taken, flat.size(1));
            for (int k = 0; k < taken; k++) {
                flat.putRow(rows[k], movedFlat.getRow(k));
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
    public Optional<INDArray> kept() {
        if (size == 0) {
            return Optional.empty();
        }
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = size;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return Optional.of(storage.get(NDArrayIndex.interval(0, size), NDArrayIndex.all()).dup('c').reshape(shape));
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
