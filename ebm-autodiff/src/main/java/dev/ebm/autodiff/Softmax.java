package dev.ebm.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The log-softmax along one axis, computed stably: y = x − m − ln Σ exp(x − m) with m the maximum along the axis
 * (any shift gives the same y, so m is a constant of the graph and large logits never overflow). Its backward,
 * g − softmax(x)·Σ g with softmax(x) = exp(y), is recorded with tensor ops, so it is differentiable again.
 */
final class Softmax {
    private Softmax() {}

    static Tensor logSoftmax(Tensor x, int axis) {
        int ax = axis < 0 ? axis + x.rank() : axis;
        if (ax < 0 || ax >= x.rank()) {
            throw new IllegalArgumentException("axis " + axis + " out of range for " + x);
        }
        INDArray shifted = x.value().sub(x.value().max(true, ax));
        INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(true, ax), false);
        INDArray y = shifted.subi(lse);
        Tensor[] self = new Tensor[1];
        self[0] = Tensor.record("logSoftmax", y, g -> {
            if (!GradMode.isEnabled()) {
                INDArray p = Transforms.exp(self[0].value(), true);
                return new Tensor[] {Tensor.constant(g.value().sub(p.muli(g.value().sum(true, ax))))};
            }
            return new Tensor[] {g.sub(self[0].exp().mul(g.sum(true, ax)))};
        }, x);
        return self[0];
    }
}
