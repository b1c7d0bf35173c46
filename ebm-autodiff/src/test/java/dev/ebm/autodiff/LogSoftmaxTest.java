package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class LogSoftmaxTest {

    @Test
    void valuesAreLogProbabilitiesEvenForHugeLogits() {
        // float32 exp overflows above ~88: the shift by the maximum keeps these finite
        Tensor x = Tensor.variable(Nd4j.createFromArray(new float[][] {{1000, 1000, 998}, {-1000, 0, 1000}}));
        double[][] y = x.logSoftmax(1).value().castTo(DataType.DOUBLE).toDoubleMatrix();
        double lse = Math.log(2 + Math.exp(-2));
        assertThat(y[0]).containsExactly(new double[] {-lse, -lse, -2 - lse}, within(1e-5));
        assertThat(y[1]).containsExactly(new double[] {-2000, -1000, 0}, within(1e-3));
        try (GradMode.Scope on = GradMode.on()) {
            Tensor l = Tensor.variable(x.value());
            // d/dx of -log p[0][2] = softmax(x₀) − e₂; row 1 unused
            Tensor loss = l.logSoftmax(1).slice(0, 0, 1).slice(1, 2, 3).sum().neg();
            double[][] g = Autodiff.grad(loss, l, false).value().castTo(DataType.DOUBLE).toDoubleMatrix();
            double p0 = 1 / (2 + Math.exp(-2));
            assertThat(g[0]).containsExactly(new double[] {p0, p0, Math.exp(-2) * p0 - 1}, within(1e-5));
            assertThat(g[1]).containsExactly(new double[] {0, 0, 0}, within(1e-7));
        }
    }

    @Test
    void probabilitiesSumToOneAlongTheAxis() {
        Tensor x = Tensor.constant(Nd4j.randn(DataType.DOUBLE, 5, 7).muli(10));
        double[] sums = x.logSoftmax(-1).exp().sum(false, 1).value().toDoubleVector();
        for (double s : sums) {
            assertThat(s).isCloseTo(1.0, within(1e-12));
        }
    }
}
