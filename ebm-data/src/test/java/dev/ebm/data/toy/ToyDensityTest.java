package dev.ebm.data.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;
import dev.ebm.api.ToyDensity;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Behaviour every toy density shares: normalisation, agreement with its sampler, determinism, bounds. */
class ToyDensityTest {
    private static final int SAMPLES = 200_000;
    private static final int BINS = 20;

    static Stream<ToyCase> cases() {
        return ToyCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exactDensityIntegratesToOne(ToyCase c) {
        ToyDensity d = c.source().get();
        Box box = d.bounds().widen(0.25);
        double integral = Grids.integral(d, box, 480);
        System.out.printf("%s: integral of p over %s (480 x 480 midpoint grid) = %.9f%n", c, box, integral);
        assertThat(integral).isCloseTo(1.0, within(1e-3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void samplesMatchTheExactDensityAndAWrongDensityIsRejected(ToyCase c) {
        ToyDensity d = c.source().get();
        double[] xy = d.batch(SAMPLES, new Rng(20240601), DataType.DOUBLE).data().asDouble();
        long[] counts = GoodnessOfFit.counts(xy, d.bounds(), BINS);
        double p = GoodnessOfFit.pValue(Grids.binProbabilities(d, d.bounds(), BINS, 4), counts);
        double pWrong = GoodnessOfFit.pValue(Grids.binProbabilities(c.wrong().get(), d.bounds(), BINS, 4), counts);
        System.out.printf("%s: chi-square p-value %.4f; against a density with %s: %.3g%n", c, p, c.wrongBy(), pWrong);
        assertThat(p).as("p-value against the exact density").isGreaterThan(1e-4);
        assertThat(pWrong).as("p-value against a density with " + c.wrongBy()).isLessThan(1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void batchesDependOnTheSeedOnly(ToyCase c) {
        ToyDensity d = c.source().get();
        INDArray a = d.batch(1000, new Rng(7), DataType.FLOAT);
        INDArray b = c.source().get().batch(1000, new Rng(7), DataType.FLOAT);
        INDArray other = d.batch(1000, new Rng(8), DataType.FLOAT);
        assertThat(a.shape()).containsExactly(1000, 2);
        assertThat(a.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(a.data().asFloat()).containsExactly(b.data().asFloat());
        assertThat(a.equalsWithEps(other, 1e-3)).isFalse();
        // consecutive batches from one generator differ too
        Rng rng = new Rng(7);
        assertThat(d.batch(100, rng, DataType.DOUBLE).equalsWithEps(d.batch(100, rng, DataType.DOUBLE), 1e-3)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void boundsHoldNearlyAllSamplesAndTheirDensityIsFinite(ToyCase c) {
        ToyDensity d = c.source().get();
        assertThat(d.sampleShape()).containsExactly(2);
        INDArray x = d.batch(SAMPLES / 4, new Rng(3), DataType.DOUBLE);
        double[] xy = x.data().asDouble();
        Box box = d.bounds();
        int inside = 0;
        for (int k = 0; k < xy.length; k += 2) {
            if (xy[k] >= box.low()[0] && xy[k] <= box.high()[0] && xy[k + 1] >= box.low()[1]
                    && xy[k + 1] <= box.high()[1]) {
                inside++;
            }
        }
        double share = inside / (double) (xy.length / 2);
        System.out.printf("%s: bounds %s hold %.5f of the samples%n", c, box, share);
        assertThat(share).isGreaterThanOrEqualTo(0.99);
        assertThat(java.util.stream.DoubleStream.of(d.logDensity(x)).allMatch(Double::isFinite)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logDensityOfTwentyThousandPointsTakesWellUnderASecond(ToyCase c) {
        ToyDensity d = c.source().get();
        INDArray x = d.batch(20_000, new Rng(11), DataType.FLOAT);
        d.logDensity(x); // warm-up
        long start = System.nanoTime();
        double[] lp = d.logDensity(x);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: logDensity of 20,000 points in %.3f s%n", c, seconds);
        assertThat(lp).hasSize(20_000);
        assertThat(seconds).isLessThan(1.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logDensityReadsViewsAndAnyFloatType(ToyCase c) {
        ToyDensity d = c.source().get();
        INDArray x = d.batch(64, new Rng(5), DataType.DOUBLE);
        double[] all = d.logDensity(x);
        INDArray view = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(10, 20),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertThat(d.logDensity(view)).containsExactly(java.util.Arrays.copyOfRange(all, 10, 20));
        double[] fromFloat = d.logDensity(x.castTo(DataType.FLOAT));
        for (int i = 0; i < all.length; i++) {
            assertThat(fromFloat[i]).isCloseTo(all[i], within(1e-3 + 1e-5 * Math.abs(all[i])));
        }
        assertThat(d.logDensity(x.getRow(0).reshape(1, 2).dup())).containsExactly(all[0]);
        INDArray empty = d.batch(0, new Rng(5), DataType.FLOAT);
        assertThat(empty.shape()).containsExactly(0, 2);
        assertThat(d.logDensity(empty)).isEmpty();
    }
}
