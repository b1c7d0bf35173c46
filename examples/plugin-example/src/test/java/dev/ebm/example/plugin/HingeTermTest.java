package dev.ebm.example.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The hinge loss against its closed form: its value and its gradient count the pairs inside the margin. */
class HingeTermTest {

    @Test
    void valueAndGradientMatchTheClosedForm() {
        Tensor ePos = Tensor.variable(Nd4j.createFromArray(0.0, 1.0));
        Tensor eNeg = Tensor.variable(Nd4j.createFromArray(0.5, 3.0, -1.0));
        Tensor loss;
        try (GradMode.Scope on = GradMode.on()) {
            loss = HingeTerm.loss(ePos, eNeg, 1.0);
        }
        // pairs (i, j): max(0, 1 + e+_i − e−_j): i=0: 0.5, 0, 2; i=1: 1.5, 0, 3 → mean 7/6
        assertThat(loss.item()).isCloseTo(7.0 / 6, within(1e-12));
        double[] gPos = Autodiff.grad(loss, ePos, false).value().toDoubleVector();
        double[] gNeg = Autodiff.grad(loss, eNeg, false).value().toDoubleVector();
        assertThat(gPos).containsExactly(2.0 / 6, 2.0 / 6);
        assertThat(gNeg).containsExactly(-2.0 / 6, 0.0, -2.0 / 6);
    }
}
