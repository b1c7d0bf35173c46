package dev.ebm.autodiff;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable ND4J array that may record how it was computed.
 *
 * <p>Ops on tensors that require gradients record a node while {@link GradMode} is on; {@link Autodiff#grad}
 * walks these nodes backwards. Every backward rule is written with tensor ops, so gradients taken with
 * {@code createGraph} can be differentiated again. The wrapped array must not be mutated while the tensor is in
 * use; the only sanctioned in-place writes are an optimizer's updates to parameter leaves between steps.
 */
public final class Tensor {
    private final INDArray value;
    private final Node node;
    private final boolean requiresGrad;

    private Tensor(INDArray value, Node node, boolean requiresGrad) {
        this.value = value;
        this.node = node;
        this.requiresGrad = requiresGrad;
    }

    /** A tensor that never requires a gradient. */
    public static Tensor constant(INDArray value) {
        return new Tensor(value, null, false);
    }

    /** A leaf that requires a gradient (a parameter or an input to differentiate in). */
    public static Tensor variable(INDArray value) {
        return new Tensor(value, null, true);
    }

    /** A scalar constant of the given dtype. */
    public static Tensor scalar(double v, DataType dtype) {
        return constant(Nd4j.scalar(dtype, v));
    }

    static Tensor onesLike(Tensor t) {
        return constant(ArrayKernels.filled(t.dtype(), t.shape(), 1.0));
    }

    static Tensor zerosLike(Tensor t) {
        return constant(Nd4j.zerosLike(t.value));
    }

    /** Records an op whose value is already computed; the node is kept only if some input needs a gradient. */
    static Tensor record(String op, INDArray value, Backward backward, Tensor... inputs) {
        if (GradMode.isEnabled()) {
            for (Tensor in : inputs) {
                if (in.requiresGrad) {
                    return new Tensor(value, new Node(op, inputs, backward), true);
                }
            }
        }
        return new Tensor(value, null, false);
    }

    /** The wrapped array. Do not mutate it. */
    public INDArray value() {
        return value;
    }

    Node node() {
        return node;
    }

    /** True when the tensor depends on a leaf that requires a gradient through recorded ops. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The same value cut from the graph: a stop-gradient. */
    public Tensor detach() {
        return constant(value);
    }

    public long[] shape() {
        return value.shape();
    }

    public int rank() {
        return value.rank();
    }

    public DataType dtype() {
        return value.dataType();
    }

    /** The value of a one-element tensor. */
    public double item() {
        return value.getDouble(0);
    }

    // ---------------------------------------------------------------- arithmetic (numpy broadcasting)

    public Tensor add(Tensor o) {
        return Arithmetic.add(this, o);
    }

    public Tensor sub(Tensor o) {
        return Arithmetic.sub(this, o);
    }

    public Tensor mul(Tensor o) {
        return Arithmetic.mul(this, o);
    }

    public Tensor div(Tensor o) {
        return Arithmetic.div(this, o);
    }

    /** Multiplication by a constant. */
    public Tensor mul(double s) {
        return Arithmetic.scale(this, s);
    }

    /** Addition of a constant. */
    public Tensor add(double s) {
        return Arithmetic.addScalar(this, s);
    }

    public Tensor neg() {
        return Arithmetic.scale(this, -1.0);
    }

    /** Matrix product of two rank-2 tensors, each optionally transposed. */
    public Tensor matmul(Tensor o, boolean transposeThis, boolean transposeOther) {
        return Arithmetic.matmul(this, o, transposeThis, transposeOther);
    }

    public Tensor matmul(Tensor o) {
        return matmul(o, false, false);
    }

    // ---------------------------------------------------------------- reductions and shapes

    /** Sum over all elements: a scalar of shape []. */
    public Tensor sum() {
        return Shapes.sum(this, false, allAxes());
    }

    /** Sum over the given axes; the reduced axes are dropped unless {@code keepDims}. */
    public Tensor sum(boolean keepDims, int... axes) {
        return Shapes.sum(this, keepDims, axes);
    }

    public Tensor mean() {
        return mean(false, allAxes());
    }

    public Tensor mean(boolean keepDims, int... axes) {
        long count = 1;
        for (int a : axes) {
            count *= value.size(a < 0 ? a + rank() : a);
        }
        return Shapes.sum(this, keepDims, axes).mul(1.0 / count);
    }

    public Tensor reshape(long... shape) {
        return Shapes.reshape(this, shape);
    }

    /** Repeats size-1 axes (and adds leading axes) to reach {@code shape}. */
    public Tensor broadcastTo(long... shape) {
        return Shapes.broadcastTo(this, shape);
    }

    /** Sums broadcast axes away to reach {@code shape}: the adjoint of {@link #broadcastTo}. */
    public Tensor sumTo(long... shape) {
        return Shapes.sumTo(this, shape);
    }

    /** Elements {@code [from, to)} along {@code axis}. */
    public Tensor slice(int axis, long from, long to) {
        return Shapes.slice(this, axis, from, to);
    }

    /**
     * The axes reordered (a copy in c order): axis i of the result is axis {@code order[i]} of this tensor, as
     * numpy's {@code transpose(order)}; e.g. {@code permute(0, 3, 1, 2)} turns NHWC into NCHW.
     */
    public Tensor permute(int... order) {
        return Shapes.permute(this, order);
    }

    public static Tensor concat(int axis, Tensor... parts) {
        return Shapes.concat(axis, parts);
    }

    // ---------------------------------------------------------------- convolution and pooling (NCHW)

    /**
     * 2-D convolution (cross-correlation, as PyTorch's {@code conv2d}) of this input [N, C, H, W] with
     * {@code weight} [outC, C, kH, kW], with the same stride and zero padding in both spatial dimensions. The
     * output is [N, outC, (H + 2p − kH)/s + 1, (W + 2p − kW)/s + 1] (rounded down). Differentiable to any order in
     * both arguments.
     */
    public Tensor conv2d(Tensor weight, int stride, int padding) {
        return Convolutions.conv2d(this, weight, null, stride, padding);
    }

    /** {@link #conv2d(Tensor, int, int)} plus {@code bias} (outC values, e.g. shape [outC]) per output channel. */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return Convolutions.conv2d(this, weight, bias, stride, padding);
    }

    /**
     * Average pooling of this input [N, C, H, W] over {@code kernel}×{@code kernel} windows moved by
     * {@code stride}, without padding: the output is [N, C, (H − k)/s + 1, (W − k)/s + 1] (rounded down; trailing
     * rows and columns no window covers get no gradient). Differentiable to any order.
     */
    public Tensor avgPool2d(int kernel, int stride) {
        return Convolutions.avgPool2d(this, kernel, stride);
    }

    // ---------------------------------------------------------------- elementwise functions

    public Tensor exp() {
        return Activations.exp(this);
    }

    public Tensor log() {
        return Activations.log(this);
    }

    public Tensor sqrt() {
        return Activations.sqrt(this);
    }

    public Tensor square() {
        return Activations.square(this);
    }

    public Tensor tanh() {
        return Activations.tanh(this);
    }

    public Tensor sigmoid() {
        return Activations.sigmoid(this);
    }

    public Tensor softplus() {
        return Activations.softplus(this);
    }

    /** SiLU: x·σ(x). */
    public Tensor swish() {
        return Activations.swish(this);
    }

    /**
     * f(this + bias) in one op: {@code bias} (one value per entry of axis 1, any shape, e.g. [1, F] or [F]) is
     * added along axis 1 — the features of [N, F], the channels of [N, C, H, W] — and the activation applied in the
     * same pass; the backward is one pass too. The same values as {@code add(bias reshaped).swish()} etc., with
     * less memory traffic and fewer native calls. Differentiable to any order in both arguments.
     */
    public Tensor addBiasThen(Tensor bias, Nonlinearity f) {
        return Fused.activate(this, bias, f);
    }

    /**
     * max(x, 0), one native op; the derivative is the constant mask [x > 0] (computed only when a backward pass
     * needs it), so the second derivative is zero.
     */
    public Tensor relu() {
        return Activations.relu(this);
    }

    public Tensor leakyRelu(double alpha) {
        return Activations.leakyRelu(this, alpha);
    }

    public Tensor elu(double alpha) {
        return Activations.elu(this, alpha);
    }

    /**
     * The log-softmax along {@code axis}: x − ln Σ exp(x) over that axis, computed with the maximum subtracted, so
     * logits of any size stay finite. With class logits [N, K] and {@code axis} 1, the cross-entropy of labels is
     * minus the mean of the log-probabilities picked by a one-hot mask. Differentiable to any order.
     */
    public Tensor logSoftmax(int axis) {
        return Softmax.logSoftmax(this, axis);
    }

    /** Multiplies by a constant mask elementwise (for piecewise-linear functions). */
    Tensor mulConstant(INDArray mask) {
        return mul(constant(mask));
    }

    int[] allAxes() {
        int[] axes = new int[rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return axes;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape()) + (requiresGrad ? "(grad)" : "") + (node != null ? "<" + node.op() + ">" : "");
    }
}
