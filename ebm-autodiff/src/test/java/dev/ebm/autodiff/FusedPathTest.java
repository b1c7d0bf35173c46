package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The fast paths (direct BLAS products, fused elementwise kernels) against the reference ND4J ops on random inputs
 * of awkward sizes (not multiples of the vector width or of the kernels' chunks): values, gradients and gradients
 * of gradients agree to a norm-relative 1e-12 in float64 and 1e-5 in float32.
 */
class FusedPathTest {

    @Test
    void theFastPathsAreActiveInTheTests() {
        assertThat(Kernels.vectorApi()).as("jdk.incubator.vector in the test JVM").isTrue();
        assertThat(Kernels.fused(DataType.FLOAT)).isTrue();
        try (GradMode.Scope ref = Kernels.reference()) {
            assertThat(Kernels.fused(DataType.FLOAT)).isFalse();
        }
    }

    record Case(String name, Function<List<Tensor>, Tensor> f, long[]... shapes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        for (Nonlinearity nl : Nonlinearity.values()) {
            String n = nl.name().toLowerCase(java.util.Locale.ROOT);
            cs.add(new Case(n, x -> act(x.get(0), nl), new long[] {37, 131}));
            cs.add(new Case(n + " after bias [37,129]", x -> x.get(0).addBiasThen(x.get(1), nl),
                    new long[] {37, 129}, new long[] {1, 129}));
            cs.add(new Case(n + " after bias [3,5,7,9]", x -> x.get(0).addBiasThen(x.get(1), nl),
                    new long[] {3, 5, 7, 9}, new long[] {5}));
            cs.add(new Case(n + " after bias, 5000 features", x -> x.get(0).addBiasThen(x.get(1), nl),
                    new long[] {3, 5000}, new long[] {5000}));
        }
        cs.add(new Case("add row bias [37,129]+[1,129]", x -> x.get(0).add(x.get(1)), new long[] {37, 129},
                new long[] {1, 129}));
        cs.add(new Case("add row bias [33,128]+[128]", x -> x.get(0).add(x.get(1)), new long[] {33, 128},
                new long[] {128}));
        cs.add(new Case("swish after bias, 128 features", x -> x.get(0).addBiasThen(x.get(1), Nonlinearity.SWISH),
                new long[] {70, 128}, new long[] {1, 128}));
        cs.add(new Case("sum of everything", x -> x.get(0).sum(), new long[] {37, 131}));
        // input gradients of convolutions with constant weights: deconv2d, also for strides with a remainder
        int[][] geometries = {{2, 1, 7, 6}, {2, 1, 28, 28}, {3, 0, 8, 9}, {3, 1, 10, 8}, {2, 0, 5, 7}};
        for (int[] g : geometries) {
            INDArray w = GradCheck.random(new Random(g[0] * 100 + g[2]), 4, 2, 3, 3);
            cs.add(new Case("conv2d constant weight s" + g[0] + " p" + g[1] + " " + g[2] + "x" + g[3],
                    x -> x.get(0).conv2d(Tensor.constant(w.castTo(x.get(0).dtype())), g[0], g[1]).swish(),
                    new long[] {3, 2, g[2], g[3]}));
        }
        cs.add(new Case("matmul", x -> x.get(0).matmul(x.get(1)), new long[] {37, 19}, new long[] {19, 23}));
        cs.add(new Case("matmul aT bT", x -> x.get(0).matmul(x.get(1), true, true), new long[] {19, 37},
                new long[] {23, 19}));
        cs.add(new Case("matmul of a transposed view", x -> x.get(0).reshape(19, 37).matmul(x.get(1).slice(1, 2, 9)),
                new long[] {37, 19}, new long[] {37, 11}));
        cs.add(new Case("mlp layer", x -> x.get(0).matmul(x.get(1)).addBiasThen(x.get(2), Nonlinearity.SWISH)
                .matmul(x.get(3)), new long[] {33, 2}, new long[] {2, 47}, new long[] {1, 47}, new long[] {47, 1}));
        return cs;
    }

    static Tensor act(Tensor x, Nonlinearity f) {
        return switch (f) {
            case SWISH -> x.swish();
            case TANH -> x.tanh();
            case SIGMOID -> x.sigmoid();
            case SOFTPLUS -> x.softplus();
        };
    }

    static Stream<Arguments> casesAndTypes() {
        List<Arguments> out = new ArrayList<>();
        for (Case c : cases()) {
            out.add(Arguments.of(c, DataType.DOUBLE));
            out.add(Arguments.of(c, DataType.FLOAT));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndTypes")
    void fastPathMatchesReference(Case c, DataType dtype) {
        Random rnd = new Random(c.name().hashCode());
        INDArray[] in = new INDArray[c.shapes().length];
        for (int i = 0; i < in.length; i++) {
            in[i] = GradCheck.random(rnd, c.shapes()[i]).muli(2).castTo(dtype);
        }
        INDArray r = null;
        List<INDArray> fast = run(c, in, rnd, dtype);
        List<INDArray> ref;
        try (GradMode.Scope reference = Kernels.reference()) {
            ref = run(c, in, new Random(c.name().hashCode()), dtype);
        }
        double tol = dtype == DataType.DOUBLE ? 1e-12 : 1e-5;
        for (int i = 0; i < fast.size(); i++) {
            assertThat(fast.get(i).dataType()).isEqualTo(dtype);
            double diff = fast.get(i).castTo(DataType.DOUBLE).sub(ref.get(i).castTo(DataType.DOUBLE)).norm2Number()
                    .doubleValue();
            double scale = ref.get(i).castTo(DataType.DOUBLE).norm2Number().doubleValue();
            assertThat(diff / Math.max(scale, 1e-30)).as(c.name() + " " + dtype + " output " + i).isLessThanOrEqualTo(tol);
        }
    }

    /** Value, first-order gradients (plain and recorded), and the gradient of the recorded gradients' norm. */
    private static List<INDArray> run(Case c, INDArray[] inputs, Random rnd, DataType dtype) {
        List<Tensor> vars = GradCheck.variables(inputs);
        Tensor y = c.f().apply(vars);
        INDArray r = GradCheck.random(new Random(7), y.shape()).castTo(dtype);
        Tensor loss = y.mul(Tensor.constant(r)).sum();
        List<INDArray> out = new ArrayList<>();
        out.add(y.value());
        Autodiff.grad(loss, vars, false).forEach(g -> out.add(g.value()));
        List<Tensor> g = Autodiff.grad(loss, vars, true);
        Tensor s = null;
        for (Tensor gi : g) {
            out.add(gi.value());
            Tensor t = gi.square().sum();
            s = s == null ? t : s.add(t);
        }
        Autodiff.grad(s, vars, false).forEach(h -> out.add(h.value()));
        return out;
    }

    /** A pass split over threads computes every element exactly as on one thread. */
    @Test
    void splittingAPassOverThreadsGivesTheSameBits() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray x = GradCheck.random(new Random(11), 3, 7, 100, 97).castTo(dt);
            INDArray g = GradCheck.random(new Random(12), 3, 7, 100, 97).castTo(dt);
            INDArray b = GradCheck.random(new Random(13), 7).castTo(dt);
            INDArray one = Nd4j.createUninitialized(dt, x.shape());
            INDArray three = Nd4j.createUninitialized(dt, x.shape());
            Parallel.withThreads(1, () -> FusedKernels.apply(Nonlinearity.SWISH, 1, x, b, g, one));
            Parallel.withThreads(3, () -> FusedKernels.apply(Nonlinearity.SWISH, 1, x, b, g, three));
            assertThat(three.castTo(DataType.DOUBLE).data().asDouble()).isEqualTo(one.castTo(DataType.DOUBLE).data().asDouble());
        }
    }

    @Test
    void blasProductOfRowViewsMatchesNd4j() {
        INDArray a = GradCheck.random(new Random(3), 10, 6).castTo(DataType.FLOAT);
        INDArray b = GradCheck.random(new Random(4), 6, 5).castTo(DataType.FLOAT);
        INDArray rows = a.get(NDArrayIndex.interval(3, 8), NDArrayIndex.all());
        INDArray expected = Nd4j.gemm(rows.dup(), b, false, false);
        INDArray actual = Blas.gemm(rows, b, false, false);
        assertThat(actual.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue())
                .isLessThan(1e-6);
        INDArray col = a.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2));
        INDArray expected2 = Nd4j.gemm(col.dup(), b.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()).dup(), false, false);
        INDArray actual2 = Blas.gemm(col, b.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()), false, false);
        assertThat(actual2.sub(expected2).norm2Number().doubleValue()).isLessThan(1e-6);
    }
}
