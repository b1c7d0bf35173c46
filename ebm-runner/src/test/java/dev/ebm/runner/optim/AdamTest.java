package dev.ebm.runner.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.ebm.api.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamTest {

    /** Adam's update written out in doubles for one scalar parameter. */
    private static double[] reference(double p, double[] grads, AdamSpec s) {
        double m = 0;
        double v = 0;
        double[] out = new double[grads.length];
        for (int t = 1; t <= grads.length; t++) {
            double g = grads[t - 1];
            double b1 = s.betas().get(0);
            double b2 = s.betas().get(1);
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double mHat = m / (1 - Math.pow(b1, t));
            double vHat = v / (1 - Math.pow(b2, t));
            p -= s.lrAt(t) * mHat / (Math.sqrt(vHat) + s.eps());
            out[t - 1] = p;
        }
        return out;
    }

    @Test
    void updatesMatchTheTextbookFormulaUnderEverySchedule() {
        double[] grads = {0.3, -1.2, 0.7, 2.0, -0.4, 0.1, 0.9, -2.2};
        for (AdamSpec s : List.of(
                new AdamSpec(0.1, List.of(0.9, 0.999), null, null, null, null, null),
                new AdamSpec(0.1, List.of(0.0, 0.999), null, null, "linear", 6, 0.01),
                new AdamSpec(0.1, List.of(0.5, 0.99), null, null, "cosine", 5, null))) {
            Adam adam = new Adam(s);
            INDArray p = Nd4j.scalar(DataType.DOUBLE, 1.0).reshape(1);
            double[] want = reference(1.0, grads, s);
            for (int t = 0; t < grads.length; t++) {
                adam.step(List.of(p), List.of(Nd4j.scalar(DataType.DOUBLE, grads[t]).reshape(1)));
                assertThat(p.getDouble(0)).as("%s, update %d", s.schedule(), t + 1).isCloseTo(want[t], offset(1e-12));
            }
        }
    }

    @Test
    void schedulesFallFromLrToMinLrAndStay() {
        AdamSpec cos = new AdamSpec(1.0, null, null, null, "cosine", 100, 0.1);
        assertThat(cos.lrAt(1)).isEqualTo(1.0);
        assertThat(cos.lrAt(51)).isCloseTo(0.55, offset(1e-12));
        assertThat(cos.lrAt(101)).isCloseTo(0.1, offset(1e-12));
        assertThat(cos.lrAt(5000)).isCloseTo(0.1, offset(1e-12));
        AdamSpec lin = new AdamSpec(1.0, null, null, null, "linear", 10, null);
        assertThat(lin.lrAt(6)).isCloseTo(0.5, offset(1e-12));
        assertThat(new AdamSpec(0.5, null, null, null, null, null, null).lrAt(1000)).isEqualTo(0.5);
    }

    @Test
    void aDecayingScheduleNeedsItsLengthAndAConstantOneRefusesIt() {
        assertThatThrownBy(() -> new AdamSpec(1.0, null, null, null, "cosine", null, null))
                .isInstanceOf(SpecException.class).hasMessageContaining("decaySteps: is required with schedule cosine");
        assertThatThrownBy(() -> new AdamSpec(1.0, null, null, null, null, 10, null))
                .hasMessageContaining("decaySteps: needs schedule linear or cosine");
        assertThatThrownBy(() -> new AdamSpec(1.0, null, null, null, "step", null, null))
                .hasMessageContaining("schedule").hasMessageContaining("[constant, cosine, linear]");
        assertThatThrownBy(() -> new AdamSpec(1.0, null, null, null, "linear", 10, 2.0))
                .hasMessageContaining("minLr: must be <= lr = 1.0, found 2.0");
    }
}
