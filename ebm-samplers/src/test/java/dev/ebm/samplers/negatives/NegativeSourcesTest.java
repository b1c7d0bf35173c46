package dev.ebm.samplers.negatives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Box;
import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.samplers.Fixtures;
import dev.ebm.testkit.Stats;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The negative sources do what the spec says: {@code noise} draws fresh uniform (data box or given range) or
 * Gaussian starts, {@code data} starts at the data batch, and {@code replay-buffer} mixes data restarts, fresh
 * inits and buffer draws at the declared rates, keeps the newest samples (fifo) or a uniform sample of all it
 * has seen (reservoir), and applies its transitions to the buffer draws only.
 */
class NegativeSourcesTest {
    static final int N = 20_000;
    static final double ALPHA = 1e-3;
    static final Box BOX = new Box(new double[] {-1, 0}, new double[] {3, 2});

    static NegativeSource source(String json, long dim, Box bounds) {
        PluginContext c = new PluginContext(DataType.DOUBLE, new long[] {dim}, bounds, Fixtures.REGISTRY, new Rng(0));
        return Fixtures.REGISTRY.create(Fixtures.spec(json, NegativeSourceSpec.class), c);
    }

    static INDArray constant(int n, long dim, double v) {
        return Nd4j.valueArrayOf(new long[] {n, dim}, v, DataType.DOUBLE);
    }

    // ------------------------------------------------------------------------------------------------ noise, data

    @Test
    void noiseDeclaresTheExactDensityOfItsStarts() {
        dev.ebm.api.StartDensity box = (dev.ebm.api.StartDensity) source("{\"type\":\"noise\"}", 2, BOX);
        double[] inside = box.logStartDensity(Nd4j.createFromArray(new double[][] {{0.5, 1.0}, {-1.0, 2.0}}));
        // the box [-1, 3] x [0, 2] has area 8
        assertThat(inside).containsExactly(-Math.log(8), -Math.log(8));
        assertThat(box.logStartDensity(Nd4j.createFromArray(new double[][] {{3.5, 1.0}})))
                .containsExactly(Double.NEGATIVE_INFINITY);
        dev.ebm.api.StartDensity gauss = (dev.ebm.api.StartDensity) source(
                "{\"type\":\"noise\",\"init\":\"gaussian\",\"std\":2}", 2, BOX);
        double[] g = gauss.logStartDensity(Nd4j.createFromArray(new double[][] {{0, 0}, {2, -2}}));
        assertThat(g[0]).isCloseTo(-Math.log(2 * Math.PI * 4), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(g[1]).isCloseTo(-Math.log(2 * Math.PI * 4) - 1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void noiseIsUniformOverTheDataBoxOrTheGivenRangeAndFreshEveryTime() {
        NegativeSource box = source("{\"type\":\"noise\"}", 2, BOX);
        NegativeSource range = source("{\"type\":\"noise\",\"low\":-5,\"high\":5}", 2, BOX);
        assertThat(box.persistent()).isFalse();
        Rng rng = new Rng(1);
        INDArray a = box.draw(N, null, rng);
        INDArray b = box.draw(N, null, rng);
        INDArray r = range.draw(N, null, rng);
        for (int j = 0; j < 2; j++) {
            Stats.Ks ks = Stats.ks(Stats.column(a, j),
                    UniformContinuousDistribution.of(BOX.low()[j], BOX.high()[j])::cumulativeProbability);
            Stats.Ks ksRange = Stats.ks(Stats.column(r, j),
                    UniformContinuousDistribution.of(-5, 5)::cumulativeProbability);
            Stats.Ks wrong = Stats.ks(Stats.column(a, j), UniformContinuousDistribution.of(-5, 5)::cumulativeProbability);
            System.out.printf("[negatives] noise uniform, coordinate %d: data box %s; low/high %s%n", j, ks, ksRange);
            assertThat(ks.p()).isGreaterThan(ALPHA);
            assertThat(ksRange.p()).isGreaterThan(ALPHA);
            assertThat(wrong.p()).isLessThan(ALPHA);
        }
        assertThat(Stats.column(b, 0)).isNotEqualTo(Stats.column(a, 0));
    }

    @Test
    void noiseIsGaussianWithTheGivenStd() {
        NegativeSource g = source("{\"type\":\"noise\",\"init\":\"gaussian\",\"std\":0.7}", 3, null);
        INDArray x = g.draw(N, null, new Rng(2));
        assertThat(x.shape()).containsExactly(N, 3);
        for (int j = 0; j < 3; j++) {
            Stats.Ks ks = Stats.ks(Stats.column(x, j), NormalDistribution.of(0, 0.7)::cumulativeProbability);
            assertThat(ks.p()).as("coordinate " + j + ": " + ks).isGreaterThan(ALPHA);
        }
    }

    @Test
    void dataStartsAtTheBatchAndCyclesThroughIt() {
        NegativeSource d = source("{\"type\":\"data\"}", 2, BOX);
        assertThat(d.persistent()).isFalse();
        INDArray batch = new Rng(3).normal(DataType.DOUBLE, 64, 2);
        double[] before = values(batch);
        INDArray same = d.draw(64, batch, new Rng(4));
        assertThat(values(same)).isEqualTo(before);
        same.addi(1);
        assertThat(values(batch)).as("the batch after its copy was changed").isEqualTo(before);
        INDArray more = d.draw(150, batch, new Rng(4));
        for (int i = 0; i < 150; i++) {
            assertThat(more.getRow(i).toDoubleVector()).isEqualTo(batch.getRow(i % 64).toDoubleVector());
        }
    }

    // ------------------------------------------------------------------------------------------------ replay buffer

    /** Where each drawn row came from, with a buffer full of 100s, data of −100s and a uniform init on [0, 1). */
    static long[] origins(INDArray x) {
        long[] c = new long[3];
        for (double v : Stats.column(x, 0)) {
            c[v == -100 ? 0 : v == 100 ? 2 : 1]++;
            assertThat(v == -100 || v == 100 || (v >= 0 && v < 1)).as("value " + v).isTrue();
        }
        return c;
    }

    /**
     * Data restarts, fresh inits and buffer draws come at the rates resetToData, reinit and the rest (chi-square,
     * p > 1e-3), and the same counts are rejected against the rates swapped (p < 1e-3). While the buffer is empty
     * the buffer's share goes to the init.
     */
    @Test
    void drawsMixDataInitAndBufferAtTheDeclaredRates() {
        NegativeSource rb = source("{\"type\":\"replay-buffer\",\"capacity\":1000,\"reinit\":0.2,\"resetToData\":0.1,"
                + "\"low\":0,\"high\":1}", 1, null);
        assertThat(rb.persistent()).isTrue();
        Rng rng = new Rng(5);
        INDArray data = constant(32, 1, -100);
        long[] empty = origins(rb.draw(N, data, rng));
        Stats.ChiSquare e = Stats.chiSquare(new long[] {empty[0], empty[1]}, new double[] {0.1, 0.9});
        assertThat(empty[2]).isZero();
        rb.accept(constant(1000, 1, 100), rng);
        long[] full = origins(rb.draw(N, data, rng));
        Stats.ChiSquare c = Stats.chiSquare(full, new double[] {0.1, 0.2, 0.7});
        Stats.ChiSquare swapped = Stats.chiSquare(full, new double[] {0.2, 0.1, 0.7});
        System.out.printf("[negatives] replay-buffer reinit 0.2, resetToData 0.1: empty buffer %s (%s); full buffer "
                + "data/init/buffer %s (%s); against swapped rates %s%n", Arrays.toString(empty), e,
                Arrays.toString(full), c, swapped);
        assertThat(e.p()).isGreaterThan(ALPHA);
        assertThat(c.p()).isGreaterThan(ALPHA);
        assertThat(swapped.p()).isLessThan(ALPHA);
    }

    /** Buffer draws pick stored rows uniformly: 20,000 draws over 1,000 stored ids, chi-square on 20 id bins. */
    @Test
    void bufferDrawsAreUniformOverTheStoredRows() {
        NegativeSource rb = source("{\"type\":\"replay-buffer\",\"capacity\":1000,\"reinit\":0}", 1, BOX);
        Rng rng = new Rng(6);
        rb.accept(ids(0, 1000), rng);
        long[] bins = new long[20];
        for (double v : Stats.column(rb.draw(N, null, rng), 0)) {
            assertThat(v).isBetween(0.0, 999.0).isEqualTo(Math.rint(v));
            bins[(int) v / 50]++;
        }
        double[] p = new double[20];
        Arrays.fill(p, 0.05);
        Stats.ChiSquare c = Stats.chiSquare(bins, p);
        System.out.printf("[negatives] replay-buffer draws over 1000 stored ids: %s%n", c);
        assertThat(c.p()).isGreaterThan(ALPHA);
    }

    @Test
    void fifoKeepsTheNewestSamples() {
        NegativeSource rb = source("{\"type\":\"replay-buffer\",\"capacity\":100,\"policy\":\"fifo\"}", 1, BOX);
        Rng rng = new Rng(7);
        for (int b = 0; b < 7; b++) {
            rb.accept(ids(30 * b, 30), rng);
        }
        double[] kept = rb.state().get("samples").reshape(100).toDoubleVector();
        Arrays.sort(kept);
        double[] expected = new double[100];
        for (int i = 0; i < 100; i++) {
            expected[i] = 110 + i;
        }
        assertThat(kept).isEqualTo(expected);
    }

    @Test
    void keptSamplesAreTheBufferContentsInTheSampleShape() {
        PluginContext c = new PluginContext(DataType.DOUBLE, new long[] {1, 2, 2}, null, Fixtures.REGISTRY, new Rng(0));
        NegativeSource rb = Fixtures.REGISTRY.create(Fixtures.spec("{\"type\":\"replay-buffer\",\"capacity\":10}",
                NegativeSourceSpec.class), c);
        assertThat(rb.kept()).isEmpty();
        INDArray x = Nd4j.arange(24).castTo(DataType.DOUBLE).reshape(6, 1, 2, 2);
        rb.accept(x, new Rng(1));
        INDArray kept = rb.kept().orElseThrow();
        assertThat(kept.shape()).containsExactly(6, 1, 2, 2);
        assertThat(kept).isEqualTo(x);
        // a fresh copy: the buffer does not change with it
        kept.assign(-1);
        assertThat(rb.kept().orElseThrow()).isEqualTo(x);
        NegativeSource noise = source("{\"type\":\"noise\"}", 2, BOX);
        assertThat(noise.kept()).isEmpty();
    }

    /**
     * Reservoir sampling keeps a uniform sample of every end point ever accepted: 10,000 ids accepted in batches of
     * 250 into a buffer of 500, ten times with different seeds; the kept ids' insertion ages, in 10 bins of 1,000,
     * must be uniform (chi-square, p > 1e-3). FIFO under the same protocol keeps only the last bin and fails the
     * same test.
     */
    @Test
    void reservoirKeepsAUniformSampleOfEverythingSeen() {
        long[] reservoir = ages("reservoir");
        long[] fifo = ages("fifo");
        double[] p = new double[10];
        Arrays.fill(p, 0.1);
        Stats.ChiSquare r = Stats.chiSquare(reservoir, p);
        Stats.ChiSquare f = Stats.chiSquare(fifo, p);
        System.out.printf("[negatives] insertion ages kept by reservoir %s: %s; by fifo %s: %s%n",
                Arrays.toString(reservoir), r, Arrays.toString(fifo), f);
        assertThat(r.p()).isGreaterThan(ALPHA);
        assertThat(f.p()).isLessThan(ALPHA);
    }

    private static long[] ages(String policy) {
        long[] bins = new long[10];
        for (int seed = 0; seed < 10; seed++) {
            NegativeSource rb = source("{\"type\":\"replay-buffer\",\"capacity\":500,\"policy\":\"" + policy + "\"}",
                    1, BOX);
            Rng rng = new Rng(100 + seed);
            for (int b = 0; b < 40; b++) {
                rb.accept(ids(250 * b, 250), rng);
            }
            var state = rb.state();
            if (policy.equals("reservoir")) {
                assertThat(state.get("counters").toLongVector()).containsExactly(500, 0, 10_000);
            }
            for (double v : state.get("samples").reshape(500).toDoubleVector()) {
                bins[(int) v / 1000]++;
            }
        }
        return bins;
    }

    /** A data init restarts chains at rows of the batch; a Gaussian init draws N(0, std²). */
    @Test
    void initFromDataOrGaussianFillsTheNonBufferRows() {
        INDArray data = ids(0, 50).addi(1000);
        NegativeSource fromData = source("{\"type\":\"replay-buffer\",\"init\":\"data\",\"reinit\":0.3}", 1, BOX);
        Rng rng = new Rng(8);
        fromData.accept(constant(100, 1, -7), rng);
        long fromBatch = 0;
        long[] rows = new long[50];
        for (double v : Stats.column(fromData.draw(N, data, rng), 0)) {
            assertThat(v == -7 || (v >= 1000 && v < 1050 && v == Math.rint(v))).as("value " + v).isTrue();
            if (v != -7) {
                fromBatch++;
                rows[(int) v - 1000]++;
            }
        }
        double p = org.apache.commons.statistics.inference.BinomialTest.withDefaults()
                .test(N, (int) fromBatch, 0.3).getPValue();
        double[] uniform = new double[50];
        Arrays.fill(uniform, 0.02);
        Stats.ChiSquare c = Stats.chiSquare(rows, uniform);
        System.out.printf("[negatives] init data, reinit 0.3: %d of %d from the batch (binomial p = %.3g), rows %s%n",
                fromBatch, N, p, c);
        assertThat(p).isGreaterThan(ALPHA);
        assertThat(c.p()).isGreaterThan(ALPHA);

        NegativeSource gauss = source("{\"type\":\"replay-buffer\",\"init\":\"gaussian\",\"std\":2}", 1, BOX);
        Stats.Ks ks = Stats.ks(Stats.column(gauss.draw(N, null, rng), 0),
                NormalDistribution.of(0, 2)::cumulativeProbability);
        assertThat(ks.p()).as("empty buffer with a gaussian init: " + ks).isGreaterThan(ALPHA);
    }

    /**
     * Transitions act on the rows taken from the buffer only: with a {@code noise} transition of std 0.5, buffer
     * rows are 100 + N(0, 0.25) (KS), data restarts stay exactly −100 and fresh inits stay in [0, 1).
     */
    @Test
    void transitionsApplyToBufferDrawsOnly() {
        NegativeSource rb = source("{\"type\":\"replay-buffer\",\"capacity\":1000,\"reinit\":0.2,\"resetToData\":0.1,"
                + "\"low\":0,\"high\":1,\"transitions\":[{\"type\":\"noise\",\"std\":0.5}]}", 1, null);
        Rng rng = new Rng(9);
        rb.accept(constant(1000, 1, 100), rng);
        double[] v = Stats.column(rb.draw(N, constant(32, 1, -100), rng), 0);
        double[] moved = Arrays.stream(v).filter(x -> x > 50).map(x -> x - 100).toArray();
        long data = Arrays.stream(v).filter(x -> x == -100).count();
        long init = Arrays.stream(v).filter(x -> x >= 0 && x < 1).count();
        assertThat(moved.length + data + init).isEqualTo(N);
        Stats.Ks ks = Stats.ks(moved, NormalDistribution.of(0, 0.5)::cumulativeProbability);
        System.out.printf("[negatives] transitions on buffer draws: %d moved rows %s; %d data, %d init rows intact%n",
                moved.length, ks, data, init);
        assertThat(ks.p()).isGreaterThan(ALPHA);
        assertThat(Stats.chiSquare(new long[] {data, init, moved.length}, new double[] {0.1, 0.2, 0.7}).p())
                .isGreaterThan(ALPHA);
    }

    /**
     * Policy slots (IGEBM, JEM): the buffer is prefilled uniformly over the given range, every chain of a draw that
     * comes from the buffer starts at the content of one slot, and accept writes each end point back to the slot
     * its chain was drawn with — a buffer chain to the very slot it started from, a reinitialised chain to a slot
     * of its own — and nothing else changes.
     */
    @Test
    void slotsWriteEachChainBackToTheSlotItWasDrawnFrom() {
        NegativeSource rb = source("{\"type\":\"replay-buffer\",\"capacity\":2000,\"policy\":\"slots\","
                + "\"reinit\":0.2,\"low\":-4,\"high\":4}", 2, BOX);
        Rng rng = new Rng(21);
        INDArray x = rb.draw(300, null, rng);
        double[] before = values(rb.state().get("samples"));
        assertThat(rb.state().get("counters").toLongVector()[0]).isEqualTo(2000);
        Stats.Ks ks = Stats.ks(Stats.column(rb.state().get("samples"), 0),
                UniformContinuousDistribution.of(-4, 4)::cumulativeProbability);
        System.out.printf("[negatives] slots: prefill uniform on [-4, 4], coordinate 0: %s%n", ks);
        assertThat(ks.p()).isGreaterThan(ALPHA);
        // which chains start at a stored row, and at which one
        java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
        for (int k = 0; k < 2000; k++) {
            rowOf.put(before[2 * k] + "," + before[2 * k + 1], k);
        }
        double[] xs = values(x);
        Integer[] start = new Integer[300];
        int fromBuffer = 0;
        for (int i = 0; i < 300; i++) {
            start[i] = rowOf.get(xs[2 * i] + "," + xs[2 * i + 1]);
            fromBuffer += start[i] != null ? 1 : 0;
        }
        assertThat(Stats.chiSquare(new long[] {fromBuffer, 300 - fromBuffer}, new double[] {0.8, 0.2}).p())
                .isGreaterThan(ALPHA);
        // end points: the start moved by a marker, so each is recognisable
        INDArray end = x.add(ids(0, 300).muli(1e-3).addi(100).broadcast(300, 2));
        rb.accept(end, rng);
        double[] after = values(rb.state().get("samples"));
        double[] ends = values(end);
        java.util.Map<Integer, Integer> lastChainOfRow = new java.util.HashMap<>();
        int changed = 0;
        for (int k = 0; k < 2000; k++) {
            boolean same = after[2 * k] == before[2 * k] && after[2 * k + 1] == before[2 * k + 1];
            if (!same) {
                changed++;
                boolean isEnd = false;
                for (int i = 0; i < 300; i++) {
                    if (ends[2 * i] == after[2 * k] && ends[2 * i + 1] == after[2 * k + 1]) {
                        isEnd = true;
                        lastChainOfRow.put(k, i);
                    }
                }
                assertThat(isEnd).as("row %d holds an accepted end point", k).isTrue();
            }
        }
        for (int i = 0; i < 300; i++) {
            if (start[i] != null) {
                int k = start[i];
                boolean ownEnd = ends[2 * i] == after[2 * k] && ends[2 * i + 1] == after[2 * k + 1];
                boolean overwrittenByAnother = lastChainOfRow.containsKey(k) && lastChainOfRow.get(k) != i;
                assertThat(ownEnd || overwrittenByAnother).as("chain %d went back to slot %d", i, k).isTrue();
            }
        }
        // 300 slots drawn uniformly from 2000 are distinct but for a handful of collisions
        assertThat(changed).isBetween(270, 300);
    }

    @Test
    void slotsNeedAPrefilledBuffer() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> source(
                "{\"type\":\"replay-buffer\",\"policy\":\"slots\",\"prefill\":false}", 2, BOX))
                .hasMessageContaining("prefill").hasMessageContaining("slots");
    }

    @Test
    void aRestoredBufferDrawsLikeTheOriginal() {
        String json = "{\"type\":\"replay-buffer\",\"capacity\":300,\"policy\":\"reservoir\",\"reinit\":0.1}";
        NegativeSource a = source(json, 2, BOX);
        Rng rng = new Rng(10);
        for (int b = 0; b < 5; b++) {
            a.accept(rng.normal(DataType.DOUBLE, 100, 2), rng);
        }
        NegativeSource b = source(json, 2, BOX);
        b.restore(a.state());
        assertThat(values(b.draw(500, null, new Rng(11)))).isEqualTo(values(a.draw(500, null, new Rng(11))));
        INDArray more = new Rng(12).normal(DataType.DOUBLE, 100, 2);
        a.accept(more, new Rng(13));
        b.accept(more, new Rng(13));
        assertThat(values(b.state().get("samples"))).isEqualTo(values(a.state().get("samples")));
    }

    /** Rows with the values start, start + 1, …, as {@code [n, 1]}. */
    static INDArray ids(int start, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i;
        }
        return Nd4j.createFromArray(v).reshape(n, 1);
    }

    static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
