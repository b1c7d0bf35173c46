package dev.ebm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Rng;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Central finite differences, in float64, against which the contracts check gradients from the tape. Only a sample
 * of the entries of large arrays is perturbed, so a check of a network with thousands of weights stays fast.
 */
public final class FiniteDifferences {
    /** The step of the central differences (float64). */
    public static final double STEP = 1e-6;

    private FiniteDifferences() {}

    /**
     * The indices (into the flattened array) a check perturbs: all of them up to {@code max}, else {@code max}
     * drawn without replacement from {@code rng}.
     */
    public static long[] entries(INDArray a, int max, Rng rng) {
        long n = a.length();
        if (n <= max) {
            long[] all = new long[(int) n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        java.util.LinkedHashSet<Long> picked = new java.util.LinkedHashSet<>();
        while (picked.size() < max) {
            picked.add(Math.floorMod(rng.nextLong(), n));
        }
        return picked.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * (f(a + h·e_j) − f(a − h·e_j)) / 2h for each index j; {@code a} is modified in place and restored. {@code a}
     * must be a float64 array that {@code f} reads.
     */
    public static double[] central(DoubleSupplier f, INDArray a, long[] indices) {
        if (a.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("finite differences need a float64 array, found " + a.dataType());
        }
        INDArray flat = a.reshape(a.length());
        double[] out = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            long j = indices[k];
            double a0 = flat.getDouble(j);
            flat.putScalar(j, a0 + STEP);
            double plus = f.getAsDouble();
            flat.putScalar(j, a0 - STEP);
            double minus = f.getAsDouble();
            flat.putScalar(j, a0);
            out[k] = (plus - minus) / (2 * STEP);
        }
        return out;
    }

    /** The entries {@code indices} of {@code a}, flattened, as doubles. */
    public static double[] at(INDArray a, long[] indices) {
        INDArray flat = a.castTo(DataType.DOUBLE).reshape(a.length());
        double[] out = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = flat.getDouble(indices[k]);
        }
        return out;
    }

    /**
     * Asserts ‖tape − numeric‖ ≤ tolerance·max(‖numeric‖, 1e-3) over the checked entries, naming {@code what} and
     * the worst entry.
     */
    public static void assertClose(String what, double[] tape, double[] numeric, double tolerance) {
        double diff = 0;
        double norm = 0;
        int worst = 0;
        for (int k = 0; k < tape.length; k++) {
            double d = tape[k] - numeric[k];
            diff += d * d;
            norm += numeric[k] * numeric[k];
            if (Math.abs(d) > Math.abs(tape[worst] - numeric[worst])) {
                worst = k;
            }
        }
        double rel = Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-3);
        assertThat(rel).as("%s: relative error of the tape's gradient against central differences over %d entries "
                + "(worst entry %d: tape %s, numeric %s)", what, tape.length, worst,
                tape.length == 0 ? "-" : tape[worst], tape.length == 0 ? "-" : numeric[worst]).isLessThan(tolerance);
    }
}
