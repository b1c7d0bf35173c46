package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every op of {@link OpGradTest} in float32: the value, the gradient and the gradient of a gradient stay float32
 * (nothing falls back to the default dtype or widens) and agree with the float64 results.
 */
class Float32Test {

    static Stream<OpGradTest.Case> cases() {
        return OpGradTest.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32MatchesFloat64(OpGradTest.Case c) {
        Random rnd = new Random(c.name().hashCode());
        INDArray[] x64 = new INDArray[c.inputs().length];
        INDArray[] x32 = new INDArray[x64.length];
        for (int i = 0; i < x64.length; i++) {
            x64[i] = GradCheck.random(rnd, c.inputs()[i].domain(), c.inputs()[i].shape());
            x32[i] = x64[i].castTo(DataType.FLOAT);
        }
        INDArray[] r64 = new INDArray[1];
        Result a = run(c, x64, rnd, r64, DataType.DOUBLE);
        Result b = run(c, x32, rnd, r64, DataType.FLOAT);
        GradCheck.assertClose(c.name() + ": value", b.value, a.value, 1e-5);
        for (int i = 0; i < x64.length; i++) {
            GradCheck.assertClose(c.name() + ": gradient " + i, b.grads.get(i), a.grads.get(i), 1e-5);
            GradCheck.assertClose(c.name() + ": second order " + i, b.second.get(i), a.second.get(i), 1e-4);
        }
    }

    private record Result(INDArray value, List<INDArray> grads, List<INDArray> second) {}

    /** Value, gradient of Σ f²·R and gradient of Σ‖∇f‖², all cast to float64 after checking their dtype. */
    private static Result run(OpGradTest.Case c, INDArray[] inputs, Random rnd, INDArray[] r, DataType dtype) {
        List<Tensor> vars = GradCheck.variables(inputs);
        Tensor y = c.f().apply(vars).square();
        assertThat(y.dtype()).as(c.name()).isEqualTo(dtype);
        if (r[0] == null) {
            r[0] = GradCheck.random(rnd, y.shape());
        }
        Tensor loss = y.mul(Tensor.constant(r[0].castTo(dtype))).sum();
        List<Tensor> g = Autodiff.grad(loss, vars, true);
        Tensor s = null;
        for (Tensor gi : g) {
            assertThat(gi.dtype()).as(c.name() + " gradient").isEqualTo(dtype);
            Tensor t = gi.square().sum();
            s = s == null ? t : s.add(t);
        }
        List<Tensor> h = Autodiff.grad(s, vars, false);
        for (Tensor hi : h) {
            assertThat(hi.dtype()).as(c.name() + " second order").isEqualTo(dtype);
        }
        return new Result(y.value().castTo(DataType.DOUBLE),
                g.stream().map(t -> t.value().castTo(DataType.DOUBLE)).toList(),
                h.stream().map(t -> t.value().castTo(DataType.DOUBLE)).toList());
    }
}
