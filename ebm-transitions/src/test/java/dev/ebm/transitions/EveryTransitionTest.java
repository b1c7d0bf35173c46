package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import java.util.stream.Stream;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What every transition promises: p per sample, determinism, shape and data type kept, input untouched. */
class EveryTransitionTest {
    static final int N = 4000;
    static final int H = 8;
    static final int W = 10;

    /**
     * Specs without {@code p}, and the probability q that a chosen image is changed at all (jitter draws the shift
     * (0, 0) with probability 1/9 at one pixel; every other transition here always changes a random image).
     */
    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("{\"type\":\"noise\",\"std\":0.1", 1.0),
                Arguments.of("{\"type\":\"jitter\",\"pixels\":1", 8.0 / 9),
                Arguments.of("{\"type\":\"flip\"", 1.0),
                Arguments.of("{\"type\":\"elastic\",\"mode\":\"smoothed\",\"alpha\":10,\"sigma\":2", 1.0),
                Arguments.of("{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":1", 1.0),
                Arguments.of("{\"type\":\"blur\",\"sigma\":[0.5,1]", 1.0),
                Arguments.of("{\"type\":\"crop-resize\",\"scale\":[0.3,0.6]", 1.0),
                Arguments.of("{\"type\":\"contrast\",\"factor\":[0.5,0.9],\"range\":[0,1]", 1.0),
                Arguments.of("{\"type\":\"brightness\",\"factor\":[1.1,1.5],\"range\":[0,2]", 1.0));
    }

    static INDArray images(DataType dtype) {
        return new Rng(50).uniform(dtype, N, 1, H, W);
    }

    /**
     * With p = 0.3 the number of changed images is Binomial(N, 0.3·q) (exact two-sided test, p-value &gt; 1e-3) and
     * the others are bit-for-bit their inputs; p = 0 changes none and p = 1 changes Binomial(N, q).
     */
    @ParameterizedTest
    @MethodSource("transitions")
    void eachImageIsTransformedWithProbabilityP(String spec, double q) {
        INDArray x = images(DataType.FLOAT);
        float[] in = x.dup('c').data().asFloat();
        for (double p : new double[] {0, 0.3, 1}) {
            Transition t = Plugins.transition(spec + ",\"p\":" + p + "}", 1, H, W);
            INDArray y = t.apply(x, new Rng(51));
            assertThat(x.dup('c').data().asFloat()).as("input after the transition").isEqualTo(in);
            assertThat(y.shape()).containsExactly(N, 1, H, W);
            assertThat(y.dataType()).isEqualTo(DataType.FLOAT);
            float[] out = y.dup('c').data().asFloat();
            int changed = 0;
            for (int k = 0; k < N; k++) {
                for (int i = k * H * W; i < (k + 1) * H * W; i++) {
                    if (out[i] != in[i]) {
                        changed++;
                        break;
                    }
                }
            }
            double pValue = BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                    .test(N, changed, p * q).getPValue();
            System.out.printf("[p] %s}, p %.1f: %d of %d images changed (expected %.0f), binomial p-value %.3g%n",
                    spec, p, changed, N, N * p * q, pValue);
            if (p * q == 0 || p * q == 1) {
                assertThat(changed).isEqualTo((int) (p * q * N));
            } else {
                assertThat(pValue).isGreaterThan(1e-3);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("transitions")
    void aFixedGeneratorGivesTheSameResultAndAnotherADifferentOne(String spec, double q) {
        Transition t = Plugins.transition(spec + ",\"p\":0.5}", 1, H, W);
        INDArray x = images(DataType.DOUBLE).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 64));
        double[] a = Plugins.values(t.apply(x, new Rng(52)));
        double[] b = Plugins.values(t.apply(x, new Rng(52)));
        double[] c = Plugins.values(t.apply(x, new Rng(53)));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(t.apply(x, new Rng(52)).dataType()).isEqualTo(DataType.DOUBLE);
    }
}
