package dev.ebm.autodiff;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused activation op f⁽ᵏ⁾(x + b): a bias broadcast along axis 1, then the k-th derivative (k = 0, 1, 2) of a
 * {@link Nonlinearity}, in one pass ({@link FusedKernels}). Its backward with upstream u is u ⊙ f⁽ᵏ⁺¹⁾(x + b) for x
 * and that summed over every axis but 1 for b: one more pass of the same kernel when no graph is recorded, the op of
 * the next order times u when one is (so gradients of gradients stay two ops per activation), and, beyond the
 * second derivative, the derivative of the reference composition.
 *
 * <p>When the fused kernels are off ({@link Kernels#fused}) the op is the reference composition itself: x + b and
 * the plain activation ops.
 */
final class Fused {
    private Fused() {}

    /** f(x + b), with {@code b} null for no bias. */
    static Tensor activate(Tensor x, Tensor b, Nonlinearity f) {
        if (b != null) {
            checkBias(x, b);
        }
        if (!Kernels.fused(x.dtype()) || (b != null && b.dtype() != x.dtype())) {
            return f.reference(b == null ? x : x.add(b.reshape(biasShape(x))));
        }
        return op(x, b, f, 0);
    }

    /** x + b with b broadcast along axis 1, as a new array, in one pass (the fused kernels must be on). */
    static INDArray addRowBias(INDArray x, INDArray b) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        FusedKernels.apply(null, 0, x, b, null, out);
        return out;
    }

    /** f⁽ᵏ⁾(x + b) as a recorded op (the fused kernels must be on). */
    static Tensor op(Tensor x, Tensor b, Nonlinearity f, int order) {
        INDArray out = Nd4j.createUninitialized(x.dtype(), x.shape());
        FusedKernels.apply(f, order, x.value(), b == null ? null : b.value(), null, out);
        Tensor[] inputs = b == null ? new Tensor[] {x} : new Tensor[] {x, b};
        return Tensor.record(name(f, order), out, u -> backward(x, b, f, order, u), inputs);
    }

    private static Tensor[] backward(Tensor x, Tensor b, Nonlinearity f, int order, Tensor u) {
        Tensor d;
        if (order + 1 <= 2 && !GradMode.isEnabled() && Kernels.fused(x.dtype())) {
            INDArray out = Nd4j.createUninitialized(x.dtype(), x.shape());
            FusedKernels.apply(f, order + 1, x.value(), b == null ? null : b.value(), u.value(), out);
            d = Tensor.constant(out);
        } else if (order + 1 <= 2 && Kernels.fused(x.dtype())) {
            d = op(x, b, f, order + 1).mul(u);
        } else if (order + 1 <= 2) {
            // the kernels were switched off after the forward pass: the reference composition
            Tensor z = b == null ? x : x.add(b.reshape(biasShape(x)));
            d = f.referenceDerivative(order + 1, z).mul(u);
        } else {
            d = thirdOrder(x, b, f, u);
        }
        Tensor gx = x.requiresGrad() ? d : null;
        if (b == null) {
            return new Tensor[] {gx};
        }
        Tensor gb = null;
        if (b.requiresGrad()) {
            int[] axes = new int[x.rank() - 1];
            for (int i = 0, k = 0; i < x.rank(); i++) {
                if (i != 1) {
                    axes[k++] = i;
                }
            }
            gb = d.sum(false, axes).reshape(b.shape());
        }
        return new Tensor[] {gx, gb};
    }

    /**
     * u ⊙ f‴(x + b): the vector-Jacobian product of the reference composition of f″, recorded (and connected to x
     * and b) when a graph is being recorded.
     */
    private static Tensor thirdOrder(Tensor x, Tensor b, Nonlinearity f, Tensor u) {
        boolean recording = GradMode.isEnabled();
        try (GradMode.Scope on = GradMode.on()) {
            Tensor z = b == null ? x : x.add(b.reshape(biasShape(x)));
            if (!recording || !z.requiresGrad()) {
                z = Tensor.variable(z.value());
            }
            Tensor second = f.referenceDerivative(2, z);
            return Autodiff.grad(second, u, java.util.List.of(z), recording).get(0);
        }
    }

    private static String name(Nonlinearity f, int order) {
        String base = "addBias" + f.name().charAt(0) + f.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return order == 0 ? base : base + "'".repeat(order);
    }

    private static void checkBias(Tensor x, Tensor b) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException("addBiasThen needs an input of rank >= 2 ([N, F] or [N, C, ...]), found "
                    + Arrays.toString(x.shape()));
        }
        if (b.value().length() != x.shape()[1]) {
            throw new IllegalArgumentException("addBiasThen: the bias " + Arrays.toString(b.shape()) + " must hold "
                    + x.shape()[1] + " values, one per entry of axis 1 of " + Arrays.toString(x.shape()));
        }
    }

    /** The shape that broadcasts b along axis 1 of x: [1, F] for rank 2, [C, 1, 1] for [N, C, H, W]. */
    static long[] biasShape(Tensor x) {
        long[] s = new long[x.rank() - 1];
        Arrays.fill(s, 1);
        s[0] = x.shape()[1];
        return x.rank() == 2 ? new long[] {1, x.shape()[1]} : s;
    }
}
