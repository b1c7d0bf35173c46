package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class SmokeGradTest {
    @Test
    void broadcastingAddMatchesNumpySemantics() {
        var a = Tensor.variable(Nd4j.rand(DataType.DOUBLE, 4, 3));
        var b = Tensor.variable(Nd4j.rand(DataType.DOUBLE, 1, 3));
        var c = a.add(b);
        assertThat(c.shape()).containsExactly(4, 3);
        var g = Autodiff.grad(c.sum(), List.of(a, b), false);
        assertThat(g.get(1).value().getDouble(0, 1)).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void secondDerivativeOfSwishMatchesFiniteDifferences() {
        double x0 = 0.3;
        var x = Tensor.variable(Nd4j.scalar(DataType.DOUBLE, x0));
        var y = x.swish().sum();
        var g = Autodiff.grad(y, x, true);
        var gg = Autodiff.grad(g.sum(), x, false);
        double h = 1e-5;
        double fd = (swishPrime(x0 + h) - swishPrime(x0 - h)) / (2 * h);
        assertThat(g.item()).isCloseTo(swishPrime(x0), within(1e-10));
        assertThat(gg.item()).isCloseTo(fd, within(1e-7));
    }

    private static double swishPrime(double x) {
        double s = 1 / (1 + Math.exp(-x));
        return s * (1 + x * (1 - s));
    }
}
