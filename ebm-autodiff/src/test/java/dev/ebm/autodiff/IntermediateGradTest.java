package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients in intermediate tensors: the gradient of an output in a tensor computed from earlier ones is the
 * gradient at that tensor's value (what flows into it), its backward never runs the ops it was computed from, and
 * an ancestor wanted alongside it still gets its total derivative.
 */
class IntermediateGradTest {

    /** z_{t+1} = tanh(z_t·W) for t steps from a leaf z_0; returns every z. */
    static Tensor[] chain(Tensor z0, Tensor w, int steps) {
        Tensor[] z = new Tensor[steps + 1];
        z[0] = z0;
        for (int t = 0; t < steps; t++) {
            z[t + 1] = z[t].matmul(w).tanh();
        }
        return z;
    }

    @Test
    void gradientInAnIntermediateIsTheGradientAtItsValue() {
        Random rnd = new Random(5);
        INDArray wv = GradCheck.random(rnd, 4, 4).muli(0.5);
        Tensor w = Tensor.variable(wv);
        Tensor[] z = chain(Tensor.variable(GradCheck.random(rnd, 3, 4)), w, 6);
        Tensor mid = z[3];
        Tensor out = z[6].square().sum();
        // the same function restarted at a fresh leaf holding mid's value
        Tensor leaf = Tensor.variable(mid.value());
        Tensor[] again = chain(leaf, w, 3);
        Tensor expected = Autodiff.grad(again[3].square().sum(), leaf, false);
        Tensor g = Autodiff.grad(out, mid, true);
        GradCheck.assertClose("d out / d z3", g.value(), expected.value(), 1e-15);
        // with createGraph the result is differentiable in W, through W's direct use after z3 and through z3 itself:
        // d(Σ d out/d z3)/dW against central differences that rebuild the whole chain
        INDArray z0v = z[0].value();
        Tensor dw = Autodiff.grad(g.sum(), w, false);
        double h = 1e-6;
        for (int i = 0; i < wv.length(); i++) {
            double w0 = wv.getDouble(i);
            wv.putScalar(i, w0 + h);
            double plus = sumOfGradientAtZ3(z0v, wv);
            wv.putScalar(i, w0 - h);
            double minus = sumOfGradientAtZ3(z0v, wv);
            wv.putScalar(i, w0);
            assertThat(dw.value().getDouble(i)).isCloseTo((plus - minus) / (2 * h),
                    org.assertj.core.api.Assertions.within(1e-7));
        }
    }

    static double sumOfGradientAtZ3(INDArray z0, INDArray w) {
        Tensor[] z = chain(Tensor.variable(z0), Tensor.constant(w), 6);
        return Autodiff.grad(z[6].square().sum(), z[3], false).value().sumNumber().doubleValue();
    }

    @Test
    void anAncestorWantedWithAnIntermediateGetsItsTotalDerivative() {
        Random rnd = new Random(6);
        Tensor w = Tensor.variable(GradCheck.random(rnd, 4, 4).muli(0.5));
        Tensor z0 = Tensor.variable(GradCheck.random(rnd, 3, 4));
        Tensor[] z = chain(z0, w, 5);
        Tensor out = z[5].square().sum();
        List<Tensor> both = Autodiff.grad(out, List.of(z[2], z0), false);
        Tensor alone = Autodiff.grad(out, z0, false);
        GradCheck.assertClose("d out / d z0 with z2 also wanted", both.get(1).value(), alone.value(), 1e-15);
        GradCheck.assertClose("d out / d z2", both.get(0).value(), Autodiff.grad(out, z[2], false).value(), 1e-15);
        assertThat(alone.value().norm2Number().doubleValue()).isGreaterThan(1e-3);
    }

    @Test
    void theBackwardOfWhatAnIntermediateWasComputedFromNeverRuns() {
        Tensor x = Tensor.variable(GradCheck.random(new Random(7), 2, 3));
        int[] calls = {0};
        Tensor counted = Tensor.record("counted", x.value().mul(2.0), g -> {
            calls[0]++;
            return new Tensor[] {g.mul(2.0)};
        }, x);
        Tensor mid = counted.exp();
        Tensor out = mid.square().sum();
        Autodiff.grad(out, mid, true);
        assertThat(calls[0]).isZero();
        Autodiff.grad(out, x, false);
        assertThat(calls[0]).isEqualTo(1);
    }
}
