package dev.ebm.energies;

import dev.ebm.autodiff.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/** Padding and pooling of image batches [N, C, H, W], built from autodiff ops (differentiable to any order). */
final class Images {
    private Images() {}

    /** {@code x} with zero rows added above and below and zero columns left and right. */
    static Tensor zeroPad(Tensor x, int top, int bottom, int left, int right) {
        Tensor h = x;
        if (top + bottom > 0) {
            h = concatZeros(h, 2, top, bottom);
        }
        if (left + right > 0) {
            h = concatZeros(h, 3, left, right);
        }
        return h;
    }

    private static Tensor concatZeros(Tensor x, int axis, int before, int after) {
        long[] shape = x.shape();
        Tensor[] parts = new Tensor[(before > 0 ? 1 : 0) + 1 + (after > 0 ? 1 : 0)];
        int i = 0;
        if (before > 0) {
            parts[i++] = zeros(x, shape, axis, before);
        }
        parts[i++] = x;
        if (after > 0) {
            parts[i] = zeros(x, shape, axis, after);
        }
        return Tensor.concat(axis, parts);
    }

    private static Tensor zeros(Tensor x, long[] shape, int axis, int size) {
        long[] s = shape.clone();
        s[axis] = size;
        return Tensor.constant(Nd4j.zeros(x.dtype(), s));
    }

    /**
     * Average pooling with stride 2 over {@code kernel}×{@code kernel} windows after {@code padding} zeros on each
     * side, the padding counted in the average (PyTorch's {@code avg_pool2d(x, kernel, 2, padding)} with its default
     * {@code count_include_pad=True}): output size ⌊(H + 2p − k)/2⌋ + 1.
     */
    static Tensor halve(Tensor x, int kernel, int padding) {
        return zeroPad(x, padding, padding, padding, padding).avgPool2d(kernel, 2);
    }

    /** The spatial size after {@link #halve}. */
    static long halvedSize(long size, int kernel, int padding) {
        return Math.floorDiv(size + 2L * padding - kernel, 2) + 1;
    }
}
