package dev.ebm.autodiff;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Reductions and shape ops, each paired with its adjoint. */
final class Shapes {
    private Shapes() {}

    static Tensor sum(Tensor a, boolean keepDims, int... axes) {
        long[] inShape = a.shape();
        int[] norm = normalise(axes, a.rank());
        INDArray v;
        if (axes.length == 0) {
            v = a.value().dup();
        } else if (!keepDims && norm.length == a.rank() && Kernels.enabled()
                && (a.dtype() == org.nd4j.linalg.api.buffer.DataType.FLOAT
                        || a.dtype() == org.nd4j.linalg.api.buffer.DataType.DOUBLE)) {
            // the sum of everything (an energy's sum over the batch): a Java pass, no reduction op
            v = Nd4j.scalar(a.dtype(), ArrayKernels.sum(a.value()));
        } else {
            v = a.value().sum(keepDims, norm);
        }
        long[] keptShape = keptShape(inShape, norm);
        return Tensor.record("sum", v, g -> new Tensor[] {g.reshape(keptShape).broadcastTo(inShape)}, a);
    }

    static Tensor reshape(Tensor a, long... shape) {
        long[] inShape = a.shape();
        if (Arrays.equals(inShape, shape)) {
            return a;
        }
        // a view when the layout allows (tensors are immutable, so sharing the buffer is safe)
        INDArray v = a.value().reshape('c', shape);
        return Tensor.record("reshape", v, g -> new Tensor[] {g.reshape(inShape)}, a);
    }

    static Tensor broadcastTo(Tensor a, long... shape) {
        long[] inShape = a.shape();
        if (Arrays.equals(inShape, shape)) {
            return a;
        }
        INDArray src = a.value();
        if (src.rank() < shape.length) {
            long[] padded = new long[shape.length];
            Arrays.fill(padded, 1);
            System.arraycopy(inShape, 0, padded, shape.length - inShape.length, inShape.length);
            src = src.reshape(padded);
        }
        // INDArray.broadcast is ~10x slower than a broadcasting add into zeros (and assign does not broadcast)
        INDArray v = src.length() == 1 ? ArrayKernels.filled(src.dataType(), shape, src.getDouble(0))
                : Nd4j.zeros(src.dataType(), shape).addi(src);
        return Tensor.record("broadcastTo", v, g -> new Tensor[] {g.sumTo(inShape)}, a);
    }

    static Tensor sumTo(Tensor a, long... shape) {
        long[] inShape = a.shape();
        if (Arrays.equals(inShape, shape)) {
            return a;
        }
        int lead = inShape.length - shape.length;
        if (lead < 0) {
            throw new IllegalArgumentException("cannot sum " + Arrays.toString(inShape) + " to " + Arrays.toString(shape));
        }
        int[] axes = new int[inShape.length];
        int n = 0;
        for (int i = 0; i < inShape.length; i++) {
            if (i < lead) {
                axes[n++] = i;
            } else if (shape[i - lead] == 1 && inShape[i] != 1) {
                axes[n++] = i;
            } else if (shape[i - lead] != inShape[i]) {
                throw new IllegalArgumentException("cannot sum " + Arrays.toString(inShape) + " to " + Arrays.toString(shape));
            }
        }
        INDArray v = n == 0 ? a.value() : a.value().sum(true, Arrays.copyOf(axes, n));
        v = v.reshape(shape.length == 0 ? new long[0] : shape);
        return Tensor.record("sumTo", v, g -> new Tensor[] {g.broadcastTo(inShape)}, a);
    }

    static Tensor slice(Tensor a, int axis, long from, long to) {
        long[] inShape = a.shape();
        int ax = axis < 0 ? axis + inShape.length : axis;
        INDArrayIndex[] idx = new INDArrayIndex[inShape.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i == ax ? NDArrayIndex.interval(from, to) : NDArrayIndex.all();
        }
        INDArray v = a.value().get(idx).dup('c');
        return Tensor.record("slice", v, g -> new Tensor[] {embed(g, inShape, ax, from)}, a);
    }

    /** Zeros of {@code shape} with {@code g} written at offset {@code from} along {@code axis}: the adjoint of slice. */
    static Tensor embed(Tensor g, long[] shape, int axis, long from) {
        long[] gShape = g.shape();
        INDArray v = Nd4j.zeros(g.dtype(), shape);
        INDArrayIndex[] idx = new INDArrayIndex[shape.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i == axis ? NDArrayIndex.interval(from, from + gShape[axis]) : NDArrayIndex.all();
        }
        v.put(idx, g.value());
        return Tensor.record("embed", v, gg -> new Tensor[] {gg.slice(axis, from, from + gShape[axis])}, g);
    }

    /** Axes reordered: output axis i is input axis {@code order[i]}; the adjoint applies the inverse order. */
    static Tensor permute(Tensor a, int... order) {
        if (order.length != a.rank()) {
            throw new IllegalArgumentException("permute of " + a + " needs " + a.rank() + " axes, found "
                    + Arrays.toString(order));
        }
        int[] inverse = new int[order.length];
        boolean[] seen = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            if (order[i] < 0 || order[i] >= order.length || seen[order[i]]) {
                throw new IllegalArgumentException("not a permutation of the axes of " + a + ": "
                        + Arrays.toString(order));
            }
            seen[order[i]] = true;
            inverse[order[i]] = i;
        }
        INDArray v = a.value().permute(order).dup('c');
        return Tensor.record("permute", v, g -> new Tensor[] {g.permute(inverse)}, a);
    }

    static Tensor concat(int axis, Tensor... parts) {
        INDArray[] vals = new INDArray[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vals[i] = parts[i].value();
        }
        int ax = axis < 0 ? axis + parts[0].rank() : axis;
        INDArray v = Nd4j.concat(ax, vals);
        return Tensor.record("concat", v, g -> {
            Tensor[] out = new Tensor[parts.length];
            long offset = 0;
            for (int i = 0; i < parts.length; i++) {
                long len = parts[i].shape()[ax];
                out[i] = parts[i].requiresGrad() ? g.slice(ax, offset, offset + len) : null;
                offset += len;
            }
            return out;
        }, parts);
    }

    static int[] normalise(int[] axes, int rank) {
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = axes[i] < 0 ? axes[i] + rank : axes[i];
        }
        Arrays.sort(out);
        return out;
    }

    /** The input shape with every reduced axis set to 1. */
    static long[] keptShape(long[] shape, int[] axes) {
        long[] kept = shape.clone();
        for (int a : axes) {
            kept[a] = 1;
        }
        return kept;
    }
}
