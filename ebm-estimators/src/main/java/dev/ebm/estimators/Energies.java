package dev.ebm.estimators;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Target;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Energies of many points, in chunks, with no graph kept; the values come back as doubles. */
public final class Energies {
    /** Points per forward pass. */
    public static final int CHUNK = 4096;

    private Energies() {}

    /**
     * −E(x) for the rows of a flattened {@code x} {@code [n, d]}, reshaped to {@code [n, ...sampleShape]} and cast to
     * {@code dtype} before evaluation (the energy's own parameters, detached).
     */
    public static double[] negative(EnergyFunction energy, INDArray flat, long[] sampleShape, DataType dtype) {
        Target target = Target.of(energy);
        int n = (int) flat.size(0);
        double[] out = new double[n];
        for (int s = 0; s < n; s += CHUNK) {
            int len = Math.min(CHUNK, n - s);
            INDArray part = flat.get(NDArrayIndex.interval(s, s + len), NDArrayIndex.all());
            long[] shape = new long[sampleShape.length + 1];
            shape[0] = len;
            System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
            INDArray x = part.castTo(dtype).reshape(shape);
            double[] e = target.energies(x).castTo(DataType.DOUBLE).toDoubleVector();
            for (int i = 0; i < len; i++) {
                out[s + i] = -e[i];
            }
        }
        return out;
    }

    /** The rows of {@code x} {@code [n, ...]} as {@code [n, d]}. */
    public static INDArray flatten(INDArray x) {
        long n = x.size(0);
        return x.reshape(n, x.length() / n);
    }
}
