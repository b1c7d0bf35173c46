package dev.ebm.runner.eval.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleScoresTest {
    private static final FeatureStats REFERENCE = new FeatureStats(100, new double[4], identity(4));

    private static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** n samples, sample i of class classOf(i) with top probability top and the rest spread evenly. */
    private static double[][] probabilities(int n, java.util.function.IntUnaryOperator classOf, double top) {
        double[][] p = new double[n][10];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(p[i], (1 - top) / 9);
            p[i][classOf.applyAsInt(i)] = top;
        }
        return p;
    }

    @Test
    void oneClassHasEntropyZero() {
        SampleScores s = SampleScores.of(probabilities(500, i -> 3, 0.9), REFERENCE, REFERENCE);
        assertThat(s.classes().entropy()).isEqualTo(0.0);
        assertThat(s.classes().counts()[3]).isEqualTo(500);
        assertThat(s.topProbabilityMean()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void uniformClassesHaveEntropyLogTen() {
        SampleScores s = SampleScores.of(probabilities(1000, i -> i % 10, 0.5), REFERENCE, REFERENCE);
        assertThat(s.classes().entropy()).isCloseTo(Math.log(10), within(1e-12));
        // two equal classes: ln 2
        assertThat(ClassHistogram.of(new int[] {1, 7, 7, 1}, 10).entropy()).isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void topProbabilityQuantilesInterpolateOrderStatistics() {
        // top probabilities 0.1, 0.2, ..., 1.0: the median is 0.55, the 5 % quantile 0.1 + 0.45·0.1 = 0.145
        double[] sorted = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        assertThat(SampleScores.quantile(sorted, 0.5)).isCloseTo(0.55, within(1e-12));
        assertThat(SampleScores.quantile(sorted, 0.05)).isCloseTo(0.145, within(1e-12));
        assertThat(SampleScores.quantile(sorted, 1.0)).isEqualTo(1.0);
    }

    @Test
    void frechetIsRefusedBelowTenSamplesPerDimension() {
        SampleScores few = SampleScores.of(probabilities(39, i -> 0, 1), REFERENCE, REFERENCE);
        assertThat(few.frechet()).isNull();
        assertThat(few.frechetNote()).contains("40").contains("found 39");
        SampleScores enough = SampleScores.of(probabilities(40, i -> 0, 1), REFERENCE, REFERENCE);
        assertThat(enough.frechet()).isCloseTo(0.0, within(1e-9));
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            names.add("c" + c);
        }
        ObjectNode json = new ObjectMapper().createObjectNode();
        few.writeTo(json, names);
        assertThat(json.get("frechet").isNull()).isTrue();
        assertThat(json.get("class_histogram").get("c0").asInt()).isEqualTo(39);
        assertThat(json.get("top_probability").get("q50").asDouble()).isEqualTo(1.0);
    }

    @Test
    void chainTraceCountsClassChanges() {
        ChainClassTrace t = new ChainClassTrace(new int[] {0, 10, 20, 30},
                new int[][] {{1, 1, 1, 1}, {1, 2, 2, 1}, {0, 3, 4, 5}});
        assertThat(t.changes()).containsExactly(0, 2, 3);
        assertThat(t.meanChanges()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(t.changedFraction()).isCloseTo(2.0 / 3, within(1e-12));
    }
}
