package dev.ebm.runner.chains;

import dev.ebm.api.Box;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where test-time chains start, drawn from a generator of their own so that every model of an experiment starts
 * from the same points.
 *
 * <ul>
 *   <li>{@code uniform}: each chain at its own uniform draw over the data's box;</li>
 *   <li>{@code test}: each chain at its own test image, the first n of a uniformly random permutation of the test
 *       split (n at most the split's size);</li>
 *   <li>{@code shared-uniform}, {@code shared-test}: every chain at one and the same such point.</li>
 * </ul>
 *
 * @param x the starts {@code [n, ...sample shape]} in the run's data type, outside any workspace
 * @param testIndices the test images' indices in the split's order (one per chain), or null for uniform starts
 */
public record ChainStarts(INDArray x, int[] testIndices) {
    /** The start kinds. */
    public static final List<String> KINDS = List.of("uniform", "test", "shared-uniform", "shared-test");

    /** Whether chains of this kind start at test images (so their start labels can be kept or lost). */
    public static boolean fromTest(String kind) {
        return kind.endsWith("test");
    }

    /**
     * Draws {@code n} starts of {@code kind}.
     *
     * @param test the test split in the run's scale (read for the {@code test} kinds)
     * @param rng the starts' own generator (not shared with the chains)
     * @throws IllegalArgumentException for an unknown kind or more test starts than test images
     */
    public static ChainStarts draw(String kind, int n, LabelledData test, Box box, DataType dtype, Rng rng) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown start '" + kind + "'; known: " + KINDS);
        }
        boolean shared = kind.startsWith("shared-");
        int distinct = shared ? 1 : n;
        long[] shape = test.sampleShape();
        long[] full = new long[shape.length + 1];
        full[0] = distinct;
        System.arraycopy(shape, 0, full, 1, shape.length);
        INDArray points;
        int[] indices = null;
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            if (fromTest(kind)) {
                if (distinct > test.size()) {
                    throw new IllegalArgumentException(n + " test starts asked for, but the test split has "
                            + test.size() + " images");
                }
                int[] perm = permutation(test.size(), rng);
                indices = java.util.Arrays.copyOf(perm, distinct);
                points = rows(test, indices, dtype).reshape(full);
            } else {
                int d = box.dim();
                INDArray low = Nd4j.createFromArray(box.low()).castTo(dtype).reshape(1, d);
                INDArray width = Nd4j.createFromArray(box.high()).castTo(dtype).reshape(1, d).subi(low);
                points = rng.uniform(dtype, distinct, d).muliRowVector(width).addiRowVector(low).reshape(full);
            }
            if (shared) {
                long[] rep = full.clone();
                rep[0] = n;
                points = points.reshape(1, points.length()).repeat(0, n).reshape(rep);
                int index = indices == null ? -1 : indices[0];
                indices = index < 0 ? null : new int[n];
                if (indices != null) {
                    java.util.Arrays.fill(indices, index);
                }
            }
            return new ChainStarts(points.dup('c'), indices);
        }
    }

    /** A uniformly random permutation of {@code 0 .. size−1} (Fisher–Yates with {@code rng}). */
    static int[] permutation(int size, Rng rng) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The test images at {@code indices}, {@code [k, pixels]}. */
    static INDArray rows(LabelledData test, int[] indices, DataType dtype) {
        long pixels = 1;
        for (long s : test.sampleShape()) {
            pixels *= s;
        }
        INDArray out = Nd4j.create(dtype, indices.length, pixels);
        for (int i = 0; i < indices.length; i++) {
            out.getRow(i).assign(test.samples(indices[i], indices[i] + 1, dtype).reshape(pixels));
        }
        return out;
    }
}
