package dev.ebm.energies;

import dev.ebm.api.spec.SpecException;
import dev.ebm.autodiff.Tensor;

/** Helpers shared by the analytic energies. */
final class Analytic {
    private Analytic() {}

    /** x as {@code [N, dim]}, or an error naming the energy when its samples have another size. */
    static Tensor flatten(Tensor x, int dim, String type) {
        long n = x.shape()[0];
        long size = n == 0 ? 0 : x.value().length() / n;
        if (x.rank() < 2 || size != dim) {
            throw new IllegalArgumentException("the " + type + " energy has dimension " + dim
                    + ", but was given samples of shape " + java.util.Arrays.toString(x.shape()));
        }
        return x.rank() == 2 ? x : x.reshape(n, dim);
    }

    /** A spec problem when the run's samples do not have the energy's dimension. */
    static void checkDim(long[] sampleShape, long sampleSize, int dim, String field) {
        if (sampleShape != null && sampleShape.length > 0 && sampleSize != dim) {
            throw new SpecException(field, "has dimension " + dim + ", but the samples have " + sampleSize
                    + " coordinates (shape " + java.util.Arrays.toString(sampleShape) + ")");
        }
    }
}
