package dev.ebm.transitions;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Image batches as flat double arrays, and back. Public for the transitions' subpackages; not exported. */
public final class Images {
    private Images() {}

    /** Checks that {@code x} is a batch of images {@code [N, C, H, W]}. */
    public static void requireImages(String transition, INDArray x) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(transition + " acts on images [N, C, H, W], found shape "
                    + Arrays.toString(x.shape()));
        }
    }

    /** Checks, when building a transition, that samples of {@code sampleShape} are images {@code [C, H, W]}. */
    public static void requireImageSamples(String transition, long[] sampleShape) {
        if (sampleShape != null && sampleShape.length > 0 && sampleShape.length != 3) {
            throw new IllegalArgumentException(transition + " acts on images [C, H, W], but the samples have shape "
                    + Arrays.toString(sampleShape));
        }
    }

    /** The values of {@code x} in row-major order (a new Java array: the caller may write into it). */
    public static double[] values(INDArray x) {
        boolean plain = x.ordering() == 'c' && !x.isView() && x.offset() == 0 && x.data().length() == x.length();
        return (plain ? x : x.dup('c')).data().asDouble();
    }

    /** A new array of {@code shape} and {@code dtype} holding {@code v} in row-major order. */
    public static INDArray array(double[] v, long[] shape, DataType dtype) {
        if (dtype == DataType.FLOAT) {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            return Nd4j.create(f, shape, 'c');
        }
        INDArray d = Nd4j.create(v, shape, 'c');
        return dtype == DataType.DOUBLE ? d : d.castTo(dtype);
    }
}
