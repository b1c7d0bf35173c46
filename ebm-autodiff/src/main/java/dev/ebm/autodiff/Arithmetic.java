package dev.ebm.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Broadcasting arithmetic and matrix products. */
final class Arithmetic {
    private Arithmetic() {}

    static Tensor add(Tensor a, Tensor b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        INDArray v = rowBias(a, b) ? Fused.addRowBias(a.value(), b.value()) : a.value().add(b.value());
        return Tensor.record("add", v,
                g -> new Tensor[] {a.requiresGrad() ? g.sumTo(sa) : null, b.requiresGrad() ? g.sumTo(sb) : null},
                a, b);
    }

    /** Whether b ([1, F] or [F]) is added to every row of a [N, F]: the bias of a dense layer, one fused pass. */
    private static boolean rowBias(Tensor a, Tensor b) {
        if (a.rank() != 2 || a.dtype() != b.dtype() || !Kernels.fused(a.dtype())) {
            return false;
        }
        long f = a.shape()[1];
        long[] sb = b.shape();
        return (sb.length == 1 && sb[0] == f) || (sb.length == 2 && sb[0] == 1 && sb[1] == f);
    }

    static Tensor sub(Tensor a, Tensor b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        return Tensor.record("sub", a.value().sub(b.value()),
                g -> new Tensor[] {a.requiresGrad() ? g.sumTo(sa) : null, b.requiresGrad() ? g.neg().sumTo(sb) : null},
                a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        return Tensor.record("mul", a.value().mul(b.value()), g -> new Tensor[] {
            a.requiresGrad() ? g.mul(b).sumTo(sa) : null,
            b.requiresGrad() ? g.mul(a).sumTo(sb) : null}, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        return Tensor.record("div", a.value().div(b.value()), g -> {
            Tensor ga = a.requiresGrad() ? g.div(b).sumTo(sa) : null;
            // d(a/b)/db = -a/b²
            Tensor gb = b.requiresGrad() ? g.mul(a).div(b.square()).neg().sumTo(sb) : null;
            return new Tensor[] {ga, gb};
        }, a, b);
    }

    static Tensor scale(Tensor a, double s) {
        return Tensor.record("scale", a.value().mul(s), g -> new Tensor[] {g.mul(s)}, a);
    }

    static Tensor addScalar(Tensor a, double s) {
        return Tensor.record("addScalar", a.value().add(s), g -> new Tensor[] {g}, a);
    }

    /**
     * {@code op(a)·op(b)} for rank-2 tensors. With C = op(A)·op(B): dA = g·op(B)ᵀ (transposed back when A was),
     * dB = op(A)ᵀ·g (likewise), each expressed as another matmul so it is differentiable again.
     */
    static Tensor matmul(Tensor a, Tensor b, boolean ta, boolean tb) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException("matmul needs rank-2 tensors, found " + a + " and " + b);
        }
        INDArray v = Blas.gemm(a.value(), b.value(), ta, tb);
        return Tensor.record("matmul", v, g -> {
            Tensor ga = null;
            Tensor gb = null;
            if (a.requiresGrad()) {
                ga = ta ? b.matmul(g, tb, true) : g.matmul(b, false, !tb);
            }
            if (b.requiresGrad()) {
                gb = tb ? g.matmul(a, true, ta) : a.matmul(g, !ta, false);
            }
            return new Tensor[] {ga, gb};
        }, a, b);
    }
}
