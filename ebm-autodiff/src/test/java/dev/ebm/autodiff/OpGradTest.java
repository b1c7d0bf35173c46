package dev.ebm.autodiff;

import static dev.ebm.autodiff.GradCheck.Domain.ANY;
import static dev.ebm.autodiff.GradCheck.Domain.AWAY_FROM_ZERO;
import static dev.ebm.autodiff.GradCheck.Domain.POSITIVE;

import dev.ebm.autodiff.GradCheck.Domain;
import dev.ebm.autodiff.GradCheck.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * First and second derivatives of every tensor op against central differences in float64. Each op is checked
 * alone and squared (Σ op(x)²·R), which makes the upstream gradient depend on the inputs and so exercises the
 * backward of every recorded backward rule.
 */
class OpGradTest {

    /** An input: its shape and how to draw it. */
    record In(Domain domain, long... shape) {}

    /** A named function of some inputs. */
    record Case(String name, Fn f, In... inputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static In any(long... shape) {
        return new In(ANY, shape);
    }

    static In pos(long... shape) {
        return new In(POSITIVE, shape);
    }

    static In away(long... shape) {
        return new In(AWAY_FROM_ZERO, shape);
    }

    static Case c(String name, Fn f, In... inputs) {
        return new Case(name, f, inputs);
    }

    /** A constant of {@code like}'s dtype (the cases also run in float32). */
    static Tensor constantLike(INDArray v, Tensor like) {
        return Tensor.constant(v.castTo(like.dtype()));
    }

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        long[][][] broadcasts = {
            {{3, 4}, {3, 4}}, {{3, 4}, {1, 4}}, {{3, 4}, {4}}, {{3, 4}, {3, 1}}, {{3, 4}, {}}, {{1, 4}, {3, 1}},
            {{4}, {3, 4}}, {{}, {3, 4}}, {{2, 1, 4}, {3, 1}}};
        for (long[][] b : broadcasts) {
            String shapes = java.util.Arrays.toString(b[0]) + "," + java.util.Arrays.toString(b[1]);
            cs.add(c("add " + shapes, x -> x.get(0).add(x.get(1)), any(b[0]), any(b[1])));
            cs.add(c("sub " + shapes, x -> x.get(0).sub(x.get(1)), any(b[0]), any(b[1])));
            cs.add(c("mul " + shapes, x -> x.get(0).mul(x.get(1)), any(b[0]), any(b[1])));
            cs.add(c("div " + shapes, x -> x.get(0).div(x.get(1)), any(b[0]), pos(b[1])));
        }
        cs.add(c("mul same tensor", x -> x.get(0).mul(x.get(0)), any(3, 4)));
        cs.add(c("div by itself plus one", x -> x.get(0).div(x.get(0).add(3.0)), pos(5)));
        cs.add(c("scale", x -> x.get(0).mul(1.7), any(3, 4)));
        cs.add(c("add scalar", x -> x.get(0).add(0.3), any(3, 4)));
        cs.add(c("neg", x -> x.get(0).neg(), any(3, 4)));
        cs.add(c("scale of a scalar", x -> x.get(0).mul(-2.5), any()));

        cs.add(c("matmul", x -> x.get(0).matmul(x.get(1)), any(3, 4), any(4, 5)));
        cs.add(c("matmul aT", x -> x.get(0).matmul(x.get(1), true, false), any(4, 3), any(4, 5)));
        cs.add(c("matmul bT", x -> x.get(0).matmul(x.get(1), false, true), any(3, 4), any(5, 4)));
        cs.add(c("matmul aT bT", x -> x.get(0).matmul(x.get(1), true, true), any(4, 3), any(5, 4)));
        cs.add(c("matmul a·a", x -> x.get(0).matmul(x.get(0)), any(3, 3)));
        cs.add(c("matmul aT·a", x -> x.get(0).matmul(x.get(0), true, false), any(3, 2)));

        cs.add(c("sum all", x -> x.get(0).sum(), any(2, 3, 4)));
        cs.add(c("sum axis 1", x -> x.get(0).sum(false, 1), any(2, 3, 4)));
        cs.add(c("sum axis 1 keepDims", x -> x.get(0).sum(true, 1), any(2, 3, 4)));
        cs.add(c("sum axes 0,2", x -> x.get(0).sum(false, 0, 2), any(2, 3, 4)));
        cs.add(c("sum axes 2,0 keepDims", x -> x.get(0).sum(true, 2, 0), any(2, 3, 4)));
        cs.add(c("sum axis -1", x -> x.get(0).sum(false, -1), any(3, 4)));
        cs.add(c("sum of a scalar", x -> x.get(0).sum(), any()));
        cs.add(c("mean all", x -> x.get(0).mean(), any(2, 3, 4)));
        cs.add(c("mean axis 1", x -> x.get(0).mean(false, 1), any(2, 3, 4)));
        cs.add(c("mean axis 1 keepDims", x -> x.get(0).mean(true, 1), any(2, 3, 4)));
        cs.add(c("mean axes 0,2 keepDims", x -> x.get(0).mean(true, 0, 2), any(2, 3, 4)));
        cs.add(c("mean axis -1", x -> x.get(0).mean(false, -1), any(3, 4)));

        cs.add(c("reshape", x -> x.get(0).reshape(6, 4), any(2, 3, 4)));
        cs.add(c("reshape to vector", x -> x.get(0).reshape(24), any(2, 3, 4)));
        cs.add(c("reshape of a transposed product", x -> x.get(0).matmul(x.get(1), true, false).reshape(2, 6),
                any(4, 3), any(4, 4)));
        cs.add(c("broadcastTo [3,1]→[2,3,4]", x -> x.get(0).broadcastTo(2, 3, 4), any(3, 1)));
        cs.add(c("broadcastTo [4]→[3,4]", x -> x.get(0).broadcastTo(3, 4), any(4)));
        cs.add(c("broadcastTo []→[2,3]", x -> x.get(0).broadcastTo(2, 3), any()));
        cs.add(c("broadcastTo [1,1]→[2,3]", x -> x.get(0).broadcastTo(2, 3), any(1, 1)));
        cs.add(c("sumTo [2,3,4]→[3,1]", x -> x.get(0).sumTo(3, 1), any(2, 3, 4)));
        cs.add(c("sumTo [2,3,4]→[4]", x -> x.get(0).sumTo(4), any(2, 3, 4)));
        cs.add(c("sumTo [2,3,4]→[1,4]", x -> x.get(0).sumTo(1, 4), any(2, 3, 4)));
        cs.add(c("sumTo [2,3,4]→[]", x -> x.get(0).sumTo(), any(2, 3, 4)));
        cs.add(c("sumTo [3,4]→[1,1]", x -> x.get(0).sumTo(1, 1), any(3, 4)));
        cs.add(c("slice axis 1", x -> x.get(0).slice(1, 1, 3), any(3, 4)));
        cs.add(c("slice axis 0", x -> x.get(0).slice(0, 0, 2), any(3, 4)));
        cs.add(c("slice axis -1 of rank 3", x -> x.get(0).slice(-1, 2, 4), any(2, 3, 5)));
        cs.add(c("permute NHWC to NCHW", x -> x.get(0).permute(0, 3, 1, 2), any(2, 3, 4, 5)));
        cs.add(c("permute rank 2", x -> x.get(0).permute(1, 0), any(3, 4)));
        cs.add(c("permute of a product", x -> x.get(0).matmul(x.get(1)).reshape(2, 2, 3).permute(2, 0, 1),
                any(4, 2), any(2, 3)));
        cs.add(c("concat axis 0", x -> Tensor.concat(0, x.get(0), x.get(1)), any(2, 3), any(1, 3)));
        cs.add(c("concat axis 1 of three", x -> Tensor.concat(1, x.get(0), x.get(1), x.get(0)), any(2, 3), any(2, 2)));
        cs.add(c("concat axis -1", x -> Tensor.concat(-1, x.get(0), x.get(1)), any(2, 2, 1), any(2, 2, 3)));

        cs.add(c("exp", x -> x.get(0).exp(), any(3, 4)));
        cs.add(c("log", x -> x.get(0).log(), pos(3, 4)));
        cs.add(c("sqrt", x -> x.get(0).sqrt(), pos(3, 4)));
        cs.add(c("square", x -> x.get(0).square(), any(3, 4)));
        cs.add(c("tanh", x -> x.get(0).tanh(), any(3, 4)));
        cs.add(c("sigmoid", x -> x.get(0).sigmoid(), any(3, 4)));
        cs.add(c("softplus", x -> x.get(0).softplus(), any(3, 4)));
        cs.add(c("swish", x -> x.get(0).swish(), any(3, 4)));
        for (Nonlinearity f : Nonlinearity.values()) {
            String n = f.name().toLowerCase(java.util.Locale.ROOT);
            cs.add(c("addBiasThen " + n + " [3,4]+[1,4]", x -> x.get(0).addBiasThen(x.get(1), f), any(3, 4), any(1, 4)));
            cs.add(c("addBiasThen " + n + " [2,3,2,2]+[3]", x -> x.get(0).addBiasThen(x.get(1), f), any(2, 3, 2, 2),
                    any(3)));
        }
        cs.add(c("leakyRelu 0.2", x -> x.get(0).leakyRelu(0.2), away(3, 4)));
        cs.add(c("leakyRelu 0", x -> x.get(0).leakyRelu(0.0), away(3, 4)));
        cs.add(c("relu", x -> x.get(0).relu(), away(3, 4)));
        cs.add(c("elu 1", x -> x.get(0).elu(1.0), away(3, 4)));
        cs.add(c("elu 0.5", x -> x.get(0).elu(0.5), away(3, 4)));
        cs.add(c("logSoftmax axis 1", x -> x.get(0).logSoftmax(1), any(3, 4)));
        cs.add(c("logSoftmax axis 0", x -> x.get(0).logSoftmax(0), any(3, 4)));
        cs.add(c("logSoftmax axis -1 of rank 3", x -> x.get(0).logSoftmax(-1), any(2, 3, 4)));
        cs.add(c("cross-entropy of dense logits", x -> {
            INDArray oneHot = org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0, 1, 0}, {1, 0, 0},
                {0, 0, 1}, {0, 1, 0}});
            return x.get(0).matmul(x.get(1)).logSoftmax(1).mul(constantLike(oneHot, x.get(0))).sum().neg();
        }, any(4, 5), any(5, 3)));

        for (int stride = 1; stride <= 2; stride++) {
            for (int pad = 0; pad <= 1; pad++) {
                int s = stride;
                int p = pad;
                cs.add(c("conv2d 3x3 s" + s + " p" + p, x -> x.get(0).conv2d(x.get(1), s, p),
                        any(2, 2, 5, 5), any(3, 2, 3, 3)));
            }
        }
        // with a constant weight only the input gradient is wanted: deconv2d where the geometry allows
        for (int[] sp : new int[][] {{1, 0}, {1, 1}, {2, 0}, {2, 1}}) {
            for (long[] hw : new long[][] {{5, 5}, {6, 5}, {6, 6}}) {
                INDArray w = GradCheck.random(new Random(hw[0] * 10 + sp[0] * 2 + sp[1]), 3, 2, 3, 3);
                cs.add(c("conv2d constant weight " + hw[0] + "x" + hw[1] + " s" + sp[0] + " p" + sp[1],
                        x -> x.get(0).conv2d(constantLike(w, x.get(0)), sp[0], sp[1]), any(2, 2, hw[0], hw[1])));
            }
        }
        INDArray w5 = GradCheck.random(new Random(5), 3, 2, 3, 3);
        cs.add(c("conv2d constant weight, bias variable",
                x -> x.get(0).conv2d(constantLike(w5, x.get(0)), x.get(1), 2, 1), any(1, 2, 5, 5), any(3)));
        cs.add(c("conv2d non-square input s2 p1", x -> x.get(0).conv2d(x.get(1), 2, 1), any(1, 2, 6, 5), any(2, 2, 3, 3)));
        cs.add(c("conv2d 2x2 kernel s2 p0", x -> x.get(0).conv2d(x.get(1), 2, 0), any(2, 1, 4, 4), any(3, 1, 2, 2)));
        cs.add(c("conv2d 1x1 kernel", x -> x.get(0).conv2d(x.get(1), 1, 0), any(2, 3, 3, 3), any(2, 3, 1, 1)));
        cs.add(c("conv2d bias s1 p1", x -> x.get(0).conv2d(x.get(1), x.get(2), 1, 1),
                any(2, 2, 4, 4), any(3, 2, 3, 3), any(3)));
        cs.add(c("conv2d bias s2 p1", x -> x.get(0).conv2d(x.get(1), x.get(2), 2, 1),
                any(1, 2, 5, 5), any(2, 2, 3, 3), any(2)));
        cs.add(c("conv2d with broadcast bias add", x -> x.get(0).conv2d(x.get(1), 1, 0).add(x.get(2)),
                any(2, 2, 4, 4), any(3, 2, 3, 3), any(3, 1, 1)));
        cs.add(c("conv2d of conv2d", x -> x.get(0).conv2d(x.get(1), 1, 1).conv2d(x.get(2), 2, 1),
                any(1, 1, 5, 5), any(2, 1, 3, 3), any(2, 2, 3, 3)));
        cs.add(c("conv2d of an input with its own kernel", x -> x.get(0).conv2d(x.get(0).slice(0, 0, 1), 1, 0),
                any(2, 1, 3, 3)));
        int[][] geometries = {{1, 0}, {1, 1}, {2, 0}, {2, 1}};
        for (int[] sp : geometries) {
            long[] xShape = {2, 2, 5, 6};
            long oh = (5 + 2 * sp[1] - 3) / sp[0] + 1;
            long ow = (6 + 2 * sp[1] - 3) / sp[0] + 1;
            cs.add(c("conv2dBackpropInput s" + sp[0] + " p" + sp[1],
                    x -> Convolutions.backpropInput(x.get(0), x.get(1), xShape, sp[0], sp[1]),
                    any(2, 3, oh, ow), any(3, 2, 3, 3)));
            cs.add(c("conv2dBackpropWeight s" + sp[0] + " p" + sp[1],
                    x -> Convolutions.backpropWeight(x.get(0), x.get(1), new long[] {3, 2, 3, 3}, sp[0], sp[1]),
                    any(xShape), any(2, 3, oh, ow)));
        }
        cs.add(c("avgPool2d 2 s2", x -> x.get(0).avgPool2d(2, 2), any(2, 2, 4, 4)));
        cs.add(c("avgPool2d 2 s2 with a remainder", x -> x.get(0).avgPool2d(2, 2), any(1, 2, 5, 5)));
        cs.add(c("avgPool2d 3 s1", x -> x.get(0).avgPool2d(3, 1), any(2, 1, 5, 4)));
        cs.add(c("cnn: conv, swish, pool, dense", x -> {
            Tensor h = x.get(0).conv2d(x.get(1), x.get(2), 1, 1).swish().avgPool2d(2, 2);
            return h.reshape(2, 2 * 2 * 2).matmul(x.get(3)).tanh();
        }, any(2, 1, 4, 4), any(2, 1, 3, 3), any(2), any(8, 1)));
        return cs;
    }

    static Stream<Arguments> plainAndSquared() {
        List<Arguments> out = new ArrayList<>();
        for (Case c : cases()) {
            out.add(Arguments.of(c, false));
            out.add(Arguments.of(c, true));
        }
        return out.stream();
    }

    static Stream<Case> thirdOrderCases() {
        List<String> names = List.of("mul [3, 4],[1, 4]", "div [3, 4],[3, 1]", "matmul aT bT", "exp", "log", "sqrt",
                "tanh", "sigmoid", "softplus", "swish", "elu 0.5", "logSoftmax axis 1", "addBiasThen swish [3,4]+[1,4]",
                "addBiasThen tanh [2,3,2,2]+[3]", "addBiasThen softplus [3,4]+[1,4]", "conv2d 3x3 s2 p1", "conv2d bias s1 p1",
                "conv2dBackpropInput s2 p1", "conv2dBackpropWeight s2 p0", "avgPool2d 2 s2 with a remainder",
                "cnn: conv, swish, pool, dense");
        List<Case> all = cases();
        return names.stream().map(n -> all.stream().filter(c -> c.name().equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thirdOrderCases")
    void thirdDerivativesMatchFiniteDifferences(Case c) {
        Random rnd = new Random(c.name().hashCode() * 17L);
        INDArray[] inputs = new INDArray[c.inputs().length];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = GradCheck.random(rnd, c.inputs()[i].domain(), c.inputs()[i].shape());
        }
        try {
            GradCheck.checkThird(x -> c.f().apply(x).square(), rnd, inputs);
        } catch (AssertionError e) {
            throw new AssertionError(c.name() + ": " + e.getMessage(), e);
        }
    }

    @ParameterizedTest(name = "{0}, squared={1}")
    @MethodSource("plainAndSquared")
    void firstAndSecondDerivativesMatchFiniteDifferences(Case c, boolean squared) {
        Random rnd = new Random(c.name().hashCode() * 31L + (squared ? 1 : 0));
        INDArray[] inputs = new INDArray[c.inputs().length];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = GradCheck.random(rnd, c.inputs()[i].domain(), c.inputs()[i].shape());
        }
        Fn f = squared ? x -> c.f().apply(x).square() : c.f();
        try {
            GradCheck.check(f, rnd, inputs);
        } catch (AssertionError e) {
            throw new AssertionError(c.name() + (squared ? ", squared" : "") + ": " + e.getMessage(), e);
        }
    }
}
