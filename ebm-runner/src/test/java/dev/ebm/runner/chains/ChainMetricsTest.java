package dev.ebm.runner.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The class-trace measures, the deep-hole rule and the line barriers on hand-made inputs. */
class ChainMetricsTest {

    @Test
    void theStartIsLeftOutOfChangesDistinctClassesAndTheMostFrequentShare() {
        int[] trace = {8, 3, 3, 5, 5, 5, 3};       // starts as noise called 8, then 3 3 5 5 5 3
        assertThat(ChainMetrics.changes(trace)).isEqualTo(2);
        assertThat(ChainMetrics.distinct(trace)).isEqualTo(2);
        assertThat(ChainMetrics.mostFrequentFraction(trace)).isEqualTo(3.0 / 6);
        int[] still = {4, 4, 4, 4};
        assertThat(ChainMetrics.changes(still)).isZero();
        assertThat(ChainMetrics.distinct(still)).isEqualTo(1);
        assertThat(ChainMetrics.mostFrequentFraction(still)).isEqualTo(1.0);
        assertThat(ChainMetrics.distinct(new int[] {7})).isZero();
        assertThat(ChainMetrics.mostFrequentFraction(new int[] {7})).isNaN();
    }

    @Test
    void aDeepHoleIsALowEnergyEndWithoutAClassChangeInTheLastQuarter() {
        int[] steps = {0, 100, 200, 300, 400};
        // steps 300 and 400 are in the last quarter (>= 300)
        assertThat(ChainMetrics.deepHole(new int[] {0, 2, 1, 1, 1}, steps, -5, -4)).isTrue();
        assertThat(ChainMetrics.deepHole(new int[] {0, 2, 1, 2, 1}, steps, -5, -4)).isFalse();
        assertThat(ChainMetrics.deepHole(new int[] {0, 2, 2, 1, 1}, steps, -5, -4)).isTrue();
        assertThat(ChainMetrics.deepHole(new int[] {0, 2, 1, 1, 1}, steps, -3, -4)).isFalse();
        assertThat(ChainMetrics.deepHole(new int[] {0, 2, 1, 1, 1}, steps, Double.NaN, -4)).isFalse();
    }

    @Test
    void quantilesAndSpreadsFollowTheirDefinitions() {
        double[] v = {4, 1, 3, 2, 5};
        assertThat(ChainMetrics.quantile(v, 0.5)).isEqualTo(3.0);
        assertThat(ChainMetrics.quantile(v, 0.01)).isCloseTo(1.04, within(1e-12));
        assertThat(v[0]).isEqualTo(4.0);
        ChainMetrics.Spread s = ChainMetrics.Spread.of(v);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.std()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(5.0);
        assertThat(ChainMetrics.Spread.of(new double[] {2}).std()).isNaN();
    }

    @Test
    void recordedStepsIncludeTheStartTheEndAndTheExtraSteps() {
        assertThat(TestTimeChains.recordSteps(10, 4, List.of(5, 20))).containsExactly(0, 4, 5, 8, 10);
        assertThat(TestTimeChains.recordSteps(0, 4, List.of())).containsExactly(0);
        assertThat(TestTimeChains.recordSteps(6, 0, List.of(3))).containsExactly(0, 3, 6);
    }

    @Test
    void aLineBarrierIsTheHeightOfItsHighestPointAboveItsHigherEnd() {
        EnergyLines lines = new EnergyLines(new double[] {0, 0.5, 1}, new double[][] {
            {-2, 3, 1},      // a mountain: 3 - max(-2, 1) = 2
            {-2, -1, 0},     // rising to the noise: no barrier
            {1, 0, -1}});    // falling: no barrier
        assertThat(lines.barriers()).containsExactly(2.0, 0.0, 0.0);
        assertThat(lines.interiorMaximumFraction()).isEqualTo(1.0 / 3);
        assertThat(lines.mean()).containsExactly(new double[] {-1.0, 2.0 / 3, 0.0}, within(1e-12));
        assertThat(lines.std()[2]).isCloseTo(1.0, within(1e-12));
    }
}
