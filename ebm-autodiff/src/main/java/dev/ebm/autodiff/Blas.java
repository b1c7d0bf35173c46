package dev.ebm.autodiff;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products straight through the OpenBLAS that ND4J bundles and initialises ({@code cblas_sgemm},
 * {@code cblas_dgemm}), on the arrays' own memory.
 *
 * <p>{@code Nd4j.gemm} runs the product as libnd4j's {@code matmul} custom op: an op context, argument buffers and
 * shape checks per call, several tens of microseconds before any arithmetic — more than the arithmetic of the
 * small products a sampler step is made of. Calling BLAS directly costs one JNI call. The result is the same
 * product (the same BLAS for float32 and float64), allocated like any other ND4J array (in the current workspace,
 * if one is open). Other dtypes and arrays that are not plain row-major matrices go through {@code Nd4j.gemm}.
 *
 * <p>Code that hands an array's memory to native code as a raw pointer must keep the array reachable until the
 * native code is done ({@code Reference.reachabilityFence}): a temporary copy that is not used after its pointer
 * was taken may otherwise be collected, and its memory freed, while the native code still reads it.
 */
final class Blas {
    private Blas() {}

    /** op(a)·op(b) for rank-2 arrays of one dtype, as a new row-major array. */
    static INDArray gemm(INDArray a, INDArray b, boolean ta, boolean tb) {
        DataType dt = a.dataType();
        if (!Kernels.enabled() || (dt != DataType.FLOAT && dt != DataType.DOUBLE) || b.dataType() != dt) {
            return Nd4j.gemm(a, b, ta, tb);
        }
        INDArray ac = rowMajor(a);
        INDArray bc = rowMajor(b);
        long m = ta ? ac.size(1) : ac.size(0);
        long k = ta ? ac.size(0) : ac.size(1);
        long kb = tb ? bc.size(1) : bc.size(0);
        long n = tb ? bc.size(0) : bc.size(1);
        if (k != kb) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, " + k + " and " + kb);
        }
        INDArray c = Nd4j.createUninitialized(dt, m, n);
        if (m == 0 || n == 0) {
            return c;
        }
        if (k == 0) {
            return c.assign(0);
        }
        Kernels.blasCalls++;
        int lda = (int) Math.max(1, ac.size(1));
        int ldb = (int) Math.max(1, bc.size(1));
        int transA = ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int transB = tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        if (dt == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, transA, transB, (int) m, (int) n, (int) k,
                    1f, floats(ac), lda, floats(bc), ldb, 0f, floats(c), (int) n);
        } else {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, transA, transB, (int) m, (int) n, (int) k,
                    1.0, doubles(ac), lda, doubles(bc), ldb, 0.0, doubles(c), (int) n);
        }
        // the copies above are reached only through raw pointers during the call: keep them alive until here
        java.lang.ref.Reference.reachabilityFence(ac);
        java.lang.ref.Reference.reachabilityFence(bc);
        return c;
    }

    /** {@code a} itself when it is a row-major matrix with unit column stride and packed rows, else a copy that is. */
    static INDArray rowMajor(INDArray a) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        boolean packed = a.ordering() == 'c' && (shape[1] <= 1 || stride[1] == 1)
                && (shape[0] <= 1 || stride[0] == shape[1]) && a.offset() == a.data().offset();
        return packed ? a : a.dup('c');
    }

    /** {@code a} itself when it is row-major with the default strides (any rank), else a row-major copy. */
    static INDArray packed(INDArray a) {
        if (a.ordering() != 'c' || a.offset() != a.data().offset()) {
            return a.dup('c');
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] > 1 && stride[i] != expected) {
                return a.dup('c');
            }
            expected *= shape[i];
        }
        return a;
    }

    /**
     * The first element of {@code a}, for an array from {@link #rowMajor} or {@link #packed} (the buffer of a view
     * starts at the view's offset, which those check).
     */
    static FloatPointer floats(INDArray a) {
        return new FloatPointer(a.data().addressPointer());
    }

    static DoublePointer doubles(INDArray a) {
        return new DoublePointer(a.data().addressPointer());
    }

    /**
     * The elements of a packed array ({@link #packed}) as a direct buffer over its memory: bulk copies between it
     * and Java arrays are plain memory copies (JavaCPP's array get/put go through JNI and copy the whole Java
     * array twice). The buffer does not keep the array alive.
     */
    static java.nio.FloatBuffer floatBuffer(INDArray a) {
        FloatPointer p = floats(a);
        p.capacity(a.length()).limit(a.length());
        return p.asBuffer();
    }

    static java.nio.DoubleBuffer doubleBuffer(INDArray a) {
        DoublePointer p = doubles(a);
        p.capacity(a.length()).limit(a.length());
        return p.asBuffer();
    }
}
