package dev.ebm.runner.sample;

import dev.ebm.api.ChainState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a sampling run keeps of every chain over time, in float: the energy of every chain at step 0 (the start)
 * and every {@code thin}-th step, every coordinate as well when a sample has at most {@link #MAX_COORDINATES}
 * coordinates, and for image-shaped samples a few snapshots of the first {@link #SNAPSHOT_CHAINS} chains.
 * Quantities are named {@code energy}, {@code x0}, {@code x1}, ...
 */
public final class ChainRecord {
    /** Samples with at most this many coordinates have each coordinate recorded. */
    public static final int MAX_COORDINATES = 10;
    /** Chains whose snapshots are kept for image-shaped samples. */
    public static final int SNAPSHOT_CHAINS = 4;
    /** Snapshot times for image-shaped samples, including the start and the end. */
    public static final int SNAPSHOT_TIMES = 8;

    private final int chains;
    private final int thin;
    private final int coordinates;
    private final List<Integer> times = new ArrayList<>();
    private final List<float[]> energy = new ArrayList<>();
    private final List<float[][]> coords = new ArrayList<>();
    private final int[] snapshotTimes;
    private final List<double[][]> snapshots = new ArrayList<>();

    /**
     * @param sampleShape the shape of one sample
     * @param steps the run's length (to place snapshots)
     * @param thin record every {@code thin}-th step (and step 0)
     * @param images whether samples are images (snapshots are kept)
     */
    public ChainRecord(int chains, long[] sampleShape, int steps, int thin, boolean images) {
        this.chains = chains;
        this.thin = thin;
        long size = 1;
        for (long s : sampleShape) {
            size *= s;
        }
        this.coordinates = size <= MAX_COORDINATES ? (int) size : 0;
        int[] planned = new int[images ? SNAPSHOT_TIMES : 0];
        for (int k = 0; k < planned.length; k++) {
            planned[k] = (int) Math.round((double) steps * k / (SNAPSHOT_TIMES - 1));
        }
        this.snapshotTimes = Arrays.stream(planned).distinct().toArray();
    }

    /** Bytes the record will take for {@code steps} steps. */
    public static long bytes(int chains, long sampleSize, int steps, int thin) {
        long quantities = 1 + (sampleSize <= MAX_COORDINATES ? sampleSize : 0);
        return 4L * chains * quantities * (steps / thin + 1);
    }

    /** Records the state after step {@code t} (0: the start) when {@code t} is on the recording grid. */
    public void record(int t, ChainState state) {
        boolean onGrid = t % thin == 0;
        boolean snapshot = Arrays.stream(snapshotTimes).anyMatch(s -> s == t);
        if (!onGrid && !snapshot) {
            return;
        }
        if (onGrid) {
            times.add(t);
            energy.add(state.energy().castTo(DataType.FLOAT).toFloatVector());
            if (coordinates > 0) {
                // one flat copy: INDArray.toFloatMatrix would copy row by row, one native op per chain
                float[] flat = state.x().castTo(DataType.FLOAT).reshape('c', new long[] {(long) chains * coordinates})
                        .toFloatVector();
                float[][] byCoordinate = new float[coordinates][chains];
                for (int i = 0; i < chains; i++) {
                    for (int d = 0; d < coordinates; d++) {
                        byCoordinate[d][i] = flat[i * coordinates + d];
                    }
                }
                coords.add(byCoordinate);
            }
        }
        if (snapshot && snapshots.size() < snapshotTimes.length) {
            int k = Math.min(SNAPSHOT_CHAINS, chains);
            INDArray x = state.x();
            int size = (int) (x.length() / chains);
            double[] flat = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, k)).castTo(DataType.DOUBLE)
                    .reshape('c', new long[] {(long) k * size}).toDoubleVector();
            double[][] rows = new double[k][];
            for (int i = 0; i < k; i++) {
                rows[i] = Arrays.copyOfRange(flat, i * size, (i + 1) * size);
            }
            snapshots.add(rows);
        }
    }

    /** Names of the recorded quantities: {@code energy}, then {@code x0}, {@code x1}, ... */
    public List<String> quantities() {
        List<String> names = new ArrayList<>(List.of("energy"));
        for (int d = 0; d < coordinates; d++) {
            names.add("x" + d);
        }
        return names;
    }

    /** The recorded steps (0 is the start). */
    public List<Integer> times() {
        return List.copyOf(times);
    }

    /** Coordinates recorded per sample (0 when samples have more than {@link #MAX_COORDINATES}). */
    public int coordinates() {
        return coordinates;
    }

    /**
     * The draws of quantity {@code name} at recorded steps after {@code burn}, as {@code [chains][draws]}.
     */
    public double[][] draws(String name, int burn) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) > burn) {
                keep.add(i);
            }
        }
        double[][] out = new double[chains][keep.size()];
        for (int j = 0; j < keep.size(); j++) {
            float[] v = valuesAt(name, keep.get(j));
            for (int i = 0; i < chains; i++) {
                out[i][j] = v[i];
            }
        }
        return out;
    }

    /** Quantity {@code name} of chain {@code chain} at every recorded step. */
    public double[] trace(String name, int chain) {
        double[] out = new double[times.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = valuesAt(name, j)[chain];
        }
        return out;
    }

    /** Snapshot steps kept so far (image-shaped samples only). */
    public int[] snapshotTimes() {
        return Arrays.copyOf(snapshotTimes, snapshots.size());
    }

    /** Snapshots as {@code [time][chain][flattened sample]}. */
    public List<double[][]> snapshots() {
        return List.copyOf(snapshots);
    }

    private float[] valuesAt(String name, int index) {
        if (name.equals("energy")) {
            return energy.get(index);
        }
        if (name.startsWith("x")) {
            int d = Integer.parseInt(name.substring(1));
            if (d < coordinates) {
                return coords.get(index)[d];
            }
        }
        throw new IllegalArgumentException("no recorded quantity '" + name + "'; recorded: " + quantities());
    }
}
