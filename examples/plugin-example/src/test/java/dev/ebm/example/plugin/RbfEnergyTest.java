package dev.ebm.example.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The RBF energy is a normalised density (its gradients are checked by the test kit's energy contract). */
class RbfEnergyTest {
    static RbfEnergy energy() {
        RbfEnergy e = new RbfEnergy(3, 0.6, 2, Box.uniform(2, -2, 2), DataType.DOUBLE, new Rng(4));
        e.parameters().get("logits").value().assign(Nd4j.createFromArray(0.3, -0.5, 1.0));
        e.parameters().get("logWidths").value().assign(Nd4j.createFromArray(-0.2, -0.6, 0.1));
        return e;
    }

    @Test
    void expOfMinusTheEnergyIntegratesToOne() {
        RbfEnergy e = energy();
        int g = 241;
        double lo = -8;
        double h = 16.0 / (g - 1);
        double[][] pts = new double[g * g][2];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                pts[i * g + j][0] = lo + i * h;
                pts[i * g + j][1] = lo + j * h;
            }
        }
        double[] en = e.energy(Tensor.constant(Nd4j.createFromArray(pts))).value().toDoubleVector();
        double z = 0;
        for (double v : en) {
            z += Math.exp(-v) * h * h;
        }
        assertThat(z).isCloseTo(1.0, within(1e-6));
    }
}
