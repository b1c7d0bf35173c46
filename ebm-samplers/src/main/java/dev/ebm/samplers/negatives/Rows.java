package dev.ebm.samplers.negatives;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Row copies between row-major matrices by memory copy: one JNI call per row instead of a view and an assign op
 * (two native ops, some ten microseconds) per row, which made a replay-buffer draw of 256 chains cost milliseconds.
 */
final class Rows {
    private Rows() {}

    /**
     * Copies row {@code from[k]} of {@code src} to row {@code to[k]} of {@code dst}, for k below {@code count}. Both
     * are row-major matrices of one dtype and row length whose memory is contiguous ({@link #isPacked}).
     */
    static void copy(INDArray src, int[] from, INDArray dst, int[] to, int count) {
        if (count == 0) {
            return;
        }
        if (!isPacked(src) || !isPacked(dst) || src.size(1) != dst.size(1) || src.dataType() != dst.dataType()) {
            throw new IllegalArgumentException("row copy needs packed row-major matrices of one row length and dtype");
        }
        long rowBytes = src.size(1) * src.dataType().width();
        BytePointer sp = new BytePointer(src.data().addressPointer());
        BytePointer dp = new BytePointer(dst.data().addressPointer());
        for (int k = 0; k < count; k++) {
            Pointer.memcpy(dp.position(to[k] * rowBytes), sp.position(from[k] * rowBytes), rowBytes);
        }
        // the arrays are reached only through raw pointers above: keep them alive until the copies are done
        java.lang.ref.Reference.reachabilityFence(src);
        java.lang.ref.Reference.reachabilityFence(dst);
    }

    /** Whether {@code a} is a rank-2 row-major matrix whose rows follow each other in memory from its buffer start. */
    static boolean isPacked(INDArray a) {
        return a.rank() == 2 && a.ordering() == 'c' && (a.size(1) <= 1 || a.stride(1) == 1)
                && (a.size(0) <= 1 || a.stride(0) == a.size(1)) && a.offset() == a.data().offset();
    }
}
