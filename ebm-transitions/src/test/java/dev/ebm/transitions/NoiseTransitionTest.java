package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import dev.ebm.testkit.Stats;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@code noise} transition adds N(0, std²) to every coordinate of any shape, and nothing else. */
class NoiseTransitionTest {

    /**
     * 40,000 increments x' − x against N(0, std²) (KS, p > 1e-3), and against N(0, (1.05·std)²), which must be
     * rejected (p < 1e-3): the test can tell a 5 % error in the standard deviation.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.3, 2.0})
    void addsGaussianNoiseOfTheGivenStd(double std) {
        Transition t = Plugins.transition("{\"type\":\"noise\",\"std\":" + std + "}", 2);
        INDArray x = new Rng(1).uniform(DataType.DOUBLE, 20_000, 2).muli(10).subi(5);
        double[] before = Plugins.values(x);
        INDArray y = t.apply(x, new Rng(2));
        double[] after = Plugins.values(y);
        assertThat(Plugins.values(x)).as("input after the transition").isEqualTo(before);
        double[] d = new double[before.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        Stats.Ks ks = Stats.ks(d, NormalDistribution.of(0, std)::cumulativeProbability);
        Stats.Ks wrong = Stats.ks(d, NormalDistribution.of(0, 1.05 * std)::cumulativeProbability);
        System.out.printf("[noise] std %s: increments %s; against 1.05 std: %s%n", std, ks, wrong);
        assertThat(ks.p()).isGreaterThan(1e-3);
        assertThat(wrong.p()).isLessThan(1e-3);
        assertThat(Stats.mean(d)).isCloseTo(0, org.assertj.core.api.Assertions.within(5 * std / Math.sqrt(d.length)));
    }

    @Test
    void keepsShapeAndDataTypeOfImagesAndIsDeterministic() {
        Transition t = Plugins.transition("{\"type\":\"noise\",\"std\":0.1}", 1, 4, 5);
        INDArray x = new Rng(3).uniform(DataType.FLOAT, 6, 1, 4, 5);
        INDArray a = t.apply(x, new Rng(4));
        INDArray b = t.apply(x, new Rng(4));
        INDArray c = t.apply(x, new Rng(5));
        assertThat(a.shape()).containsExactly(6, 1, 4, 5);
        assertThat(a.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(Plugins.values(a)).isEqualTo(Plugins.values(b));
        assertThat(Plugins.values(a)).isNotEqualTo(Plugins.values(c));
        assertThat(a).isNotSameAs(x);
    }
}
