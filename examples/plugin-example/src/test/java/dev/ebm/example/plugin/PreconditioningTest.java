package dev.ebm.example.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.ChainRun;
import dev.ebm.api.Chains;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.example.plugin.spec.PrecondLangevinSpec;
import dev.ebm.testkit.DiagonalGaussian;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** On an ill-conditioned Gaussian, a preconditioner matched to its scales accepts far more at the same ε. */
class PreconditioningTest {
    static final DiagonalGaussian TARGET = new DiagonalGaussian(new double[] {0, 0}, new double[] {1.0, 0.1}, 2);

    static ChainRun run(List<Double> scales) {
        PrecondLangevinKernel k = new PrecondLangevinKernel(new PrecondLangevinSpec(40, 0.8, scales, true));
        Rng rng = new Rng(5);
        INDArray x0 = TARGET.sample(rng, 4000, DataType.DOUBLE);
        return Chains.run(k, Target.of(TARGET), x0, rng);
    }

    @Test
    void aMatchedPreconditionerAcceptsMoreAndKeepsTheTarget() {
        ChainRun plain = run(List.of(1.0));
        ChainRun matched = run(List.of(1.0, 0.01));
        assertThat(plain.acceptRate()).isLessThan(0.2);
        assertThat(matched.acceptRate()).isGreaterThan(0.8);
        INDArray x = matched.end().x();
        assertThat(x.getColumn(0).stdNumber().doubleValue()).isCloseTo(1.0, within(0.05));
        assertThat(x.getColumn(1).stdNumber().doubleValue()).isCloseTo(0.1, within(0.005));
    }

    @Test
    void scalesOfTheWrongLengthAreRefusedNamingBothCounts() {
        PrecondLangevinKernel k = new PrecondLangevinKernel(new PrecondLangevinSpec(1, 0.1, List.of(1.0, 2.0, 3.0),
                true));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Chains.run(k, Target.of(TARGET),
                TARGET.sample(new Rng(1), 4, DataType.DOUBLE), new Rng(2)))
                .hasMessage("precond-langevin: scales has 3 entries, but samples have 2 coordinates (give one "
                        + "entry, or one per coordinate)");
    }
}
