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
 * spec's transitions, in order. Accepted end points are stored FIFO (the newest {@code capacity}), by reservoir
 * sampling (a uniform sample of every end point ever accepted, Vitter's algorithm R), or back in the slots they
 * were drawn from ({@code slots}: each chain of a draw is given a slot drawn uniformly; a chain taken from the
 * buffer starts from that slot's content, and every end point is written back to its slot, as IGEBM and JEM do).
 * A prefilled buffer is filled from the init before the first draw. The storage is allocated once, outside any
 * workspace, and written in place.
 */
final class ReplayBuffer implements NegativeSource {
    private final ReplayBufferSpec spec;
    private final Inits init;
    private final INDArray storage;
    private final long[] sampleShape;
    private final List<Transition> transitions;
    private final boolean slots;
    private int size;
    private int next;
    private long seen;
    /** The slots of the last draw's chains (policy slots), consumed by {@link #accept}. */
    private int[] drawnSlots;

    ReplayBuffer(ReplayBufferSpec spec, Inits init, long[] sampleShape, DataType dtype, List<Transition> transitions) {
        this.spec = spec;
        this.init = init;
        this.sampleShape = sampleShape.clone();
        this.transitions = List.copyOf(transitions);
        this.slots = "slots".equals(spec.policy());
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
        if (spec.prefill() && size == 0) {
            prefill(data, rng);
        }
        INDArray out = init.draw(n, data, rng);
        INDArray flat = out.reshape(n, out.length() / n);
        if (!Rows.isPacked(flat)) {
            flat = flat.dup('c');
        }
        int[] fromBuffer = new int[n];
        int[] bufferRows = new int[n];
        int taken = 0;
        int[] toData = new int[n];
        int[] dataRows = new int[n];
        int restarted = 0;
        int[] chainSlots = slots ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            if (slots) {
                chainSlots[i] = rng.nextInt(spec.capacity());
            }
            double u = rng.nextDouble();
            if (u < spec.resetToData()) {
                toData[restarted] = i;
                dataRows[restarted++] = rng.nextInt((int) data.size(0));
            } else if (u >= spec.resetToData() + spec.reinit() && size > 0) {
                fromBuffer[taken] = i;
                bufferRows[taken++] = slots ? chainSlots[i] : rng.nextInt(size);
            }
        }
        if (restarted > 0) {
            INDArray dataFlat = data.reshape(data.size(0), data.length() / data.size(0));
            Rows.copy(Rows.isPacked(dataFlat) ? dataFlat : dataFlat.dup('c'), dataRows, flat, toData, restarted);
        }
        Rows.copy(storage, bufferRows, flat, fromBuffer, taken);
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
        drawnSlots = chainSlots;
        return flat.reshape(out.shape());
    }

    /** Fills every slot from the init (outside any workspace: the storage outlives the step). */
    private void prefill(INDArray data, Rng rng) {
        int capacity = spec.capacity();
        INDArray fill = init.draw(capacity, data, rng);
        storage.assign(fill.reshape(capacity, storage.size(1)));
        size = capacity;
        next = 0;
        seen = capacity;
    }

    @Override
    public void accept(INDArray samples, Rng rng) {
        long n = samples.size(0);
        INDArray flat = samples.reshape(n, samples.length() / n);
        if (!Rows.isPacked(flat)) {
            flat = flat.dup('c');
        }
        if (slots) {
            if (drawnSlots == null || drawnSlots.length != n) {
                throw new IllegalStateException("policy slots: accept needs the " + n + " chains of the last draw, "
                        + "in its order; the last draw had " + (drawnSlots == null ? 0 : drawnSlots.length));
            }
            int[] rows = new int[(int) n];
            Arrays.setAll(rows, i -> i);
            // a slot drawn twice keeps the later chain's end point
            Rows.copy(flat, rows, storage, drawnSlots, (int) n);
            drawnSlots = null;
        } else if ("fifo".equals(spec.policy())) {
            for (long start = 0; start < n; ) {
                long len = Math.min(n - start, spec.capacity() - next);
                storage.get(NDArrayIndex.interval(next, next + len), NDArrayIndex.all())
                        .assign(flat.get(NDArrayIndex.interval(start, start + len), NDArrayIndex.all()));
                start += len;
                next = (int) ((next + len) % spec.capacity());
                size = (int) Math.min(spec.capacity(), size + len);
            }
        } else {
            int[] from = new int[(int) n];
            int[] to = new int[(int) n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                seen++;
                if (size < spec.capacity()) {
                    from[count] = i;
                    to[count++] = size++;
                } else {
                    long j = Math.floorMod(rng.nextLong(), seen);
                    if (j < spec.capacity()) {
                        from[count] = i;
                        to[count++] = (int) j;
                    }
                }
            }
            Rows.copy(flat, from, storage, to, count);
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
