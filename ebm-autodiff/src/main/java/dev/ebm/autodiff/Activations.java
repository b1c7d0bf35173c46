package dev.ebm.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Elementwise functions. swish, tanh, sigmoid and softplus run as fused one-pass kernels ({@link Fused}) when those
 * are on; the code below is their reference path. Each backward uses a fused native derivative when no graph is
 * being recorded (the sampler's hot path) and a composition of differentiable ops when it is (second-order
 * gradients).
 */
final class Activations {
    private Activations() {}

    static Tensor exp(Tensor x) {
        INDArray y = Transforms.exp(x.value(), true);
        Tensor[] self = new Tensor[1];
        self[0] = Tensor.record("exp", y, g -> new Tensor[] {g.mul(self[0])}, x);
        return self[0];
    }

    static Tensor log(Tensor x) {
        return Tensor.record("log", Transforms.log(x.value(), true), g -> new Tensor[] {g.div(x)}, x);
    }

    static Tensor sqrt(Tensor x) {
        Tensor[] self = new Tensor[1];
        self[0] = Tensor.record("sqrt", Transforms.sqrt(x.value(), true),
                g -> new Tensor[] {g.div(self[0]).mul(0.5)}, x);
        return self[0];
    }

    static Tensor square(Tensor x) {
        return Tensor.record("square", x.value().mul(x.value()), g -> new Tensor[] {g.mul(x).mul(2.0)}, x);
    }

    static Tensor tanh(Tensor x) {
        if (Kernels.fused(x.dtype())) {
            return Fused.op(x, null, Nonlinearity.TANH, 0);
        }
        Tensor[] self = new Tensor[1];
        self[0] = Tensor.record("tanh", Transforms.tanh(x.value(), true), g -> {
            if (!GradMode.isEnabled()) {
                INDArray y = self[0].value();
                return new Tensor[] {Tensor.constant(g.value().mul(y.mul(y).rsubi(1.0)))};
            }
            return new Tensor[] {g.mul(self[0].square().neg().add(1.0))};
        }, x);
        return self[0];
    }

    static Tensor sigmoid(Tensor x) {
        if (Kernels.fused(x.dtype())) {
            return Fused.op(x, null, Nonlinearity.SIGMOID, 0);
        }
        Tensor[] self = new Tensor[1];
        self[0] = Tensor.record("sigmoid", Transforms.sigmoid(x.value(), true), g -> {
            if (!GradMode.isEnabled()) {
                INDArray y = self[0].value();
                return new Tensor[] {Tensor.constant(g.value().mul(y.mul(y.rsub(1.0))))};
            }
            Tensor y = self[0];
            return new Tensor[] {g.mul(y.mul(y.neg().add(1.0)))};
        }, x);
        return self[0];
    }

    static Tensor softplus(Tensor x) {
        if (Kernels.fused(x.dtype())) {
            return Fused.op(x, null, Nonlinearity.SOFTPLUS, 0);
        }
        return Tensor.record("softplus", Transforms.softPlus(x.value(), true), g -> new Tensor[] {g.mul(x.sigmoid())}, x);
    }

    /**
     * swish(x) = x·σ(x); swish'(x) = σ(x)·(1 + x·(1 − σ(x))) = σ + y − y·σ with y = swish(x). When the op is
     * recorded, σ(x) is kept from the forward pass, so the backward costs four cheap elementwise ops instead of
     * the native derivative op (which evaluates the exponential again and is several times slower).
     */
    static Tensor swish(Tensor x) {
        if (Kernels.fused(x.dtype())) {
            return Fused.op(x, null, Nonlinearity.SWISH, 0);
        }
        if (!GradMode.isEnabled() || !x.requiresGrad()) {
            return Tensor.constant(Nd4j.getExecutioner().exec(new Swish(x.value(), x.value().ulike())));
        }
        INDArray s = Transforms.sigmoid(x.value(), true);
        INDArray y = x.value().mul(s);
        return Tensor.record("swish", y, g -> {
            if (!GradMode.isEnabled()) {
                INDArray d = y.mul(s).rsubi(y).addi(s);
                return new Tensor[] {Tensor.constant(d.muli(g.value()))};
            }
            Tensor sg = x.sigmoid();
            Tensor d = sg.mul(x.mul(sg.neg().add(1.0)).add(1.0));
            return new Tensor[] {g.mul(d)};
        }, x);
    }

    /** max(x, 0); the backward multiplies by the mask [y > 0] = [x > 0], built from the output when needed. */
    static Tensor relu(Tensor x) {
        INDArray y = Transforms.relu(x.value(), true);
        return Tensor.record("relu", y, g -> new Tensor[] {g.mulConstant(Transforms.step(y, true))}, x);
    }

    /** max(x, αx) for 0 ≤ α ≤ 1; the derivative is a constant mask, so the second derivative is zero. */
    static Tensor leakyRelu(Tensor x, double alpha) {
        INDArray positive = x.value().gt(0.0).castTo(x.dtype());
        INDArray slope = positive.mul(1.0 - alpha).addi(alpha);
        return Tensor.record("leakyRelu", x.value().mul(slope), g -> new Tensor[] {g.mulConstant(slope)}, x);
    }

    /** x for x > 0, α(eˣ − 1) otherwise; the derivative is 1, or y + α. */
    static Tensor elu(Tensor x, double alpha) {
        INDArray positive = x.value().gt(0.0).castTo(x.dtype());
        INDArray negative = positive.rsub(1.0);
        INDArray expPart = Transforms.exp(Transforms.min(x.value(), 0.0, true), false).subi(1.0).muli(alpha);
        INDArray y = x.value().mul(positive).addi(expPart.muli(negative));
        Tensor[] self = new Tensor[1];
        self[0] = Tensor.record("elu", y, g -> {
            // d = positive + negative·(y + α)
            Tensor d = self[0].add(alpha).mulConstant(negative).add(Tensor.constant(positive));
            return new Tensor[] {g.mul(d)};
        }, x);
        return self[0];
    }
}
