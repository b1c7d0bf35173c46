package dev.ebm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Box;
import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.traits.ChainStart;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every negative source must meet, checked through its provider so that the source and its declared
 * {@link ChainStart} are tested together. Extend it in your plugin's tests:
 *
 * <pre>{@code
 * class MySourceContractTest extends NegativeSourceContract {
 *     protected NegativeSourceProvider provider() { return new MySourceProvider(); }
 *     protected NegativeSourceSpec spec() { return new MySourceSpec(...); }
 * }
 * }</pre>
 *
 * <p>It checks that the provider declares a chain start and the source agrees with it
 * ({@link NegativeSource#persistent()}); that draws are fresh arrays {@code [n, ...sample shape]} in the run's data
 * type that leave the data batch alone; that the state round-trips: {@code state()} restored into a new instance
 * gives identical future draws for the same {@link Rng}; and that the declared chain start holds in distribution
 * with {@value #DRAWS} draws: chains declared to start at the data are data points; fresh noise matches its declared
 * law (one-sample Kolmogorov–Smirnov test per coordinate, for uniform and Gaussian laws); a persistent source, once
 * its buffer holds only far-away points, restarts chains at data points and redraws them from its origin at the
 * declared {@code resetToData} and {@code reinit} rates (chi-square test). Samples are 2-D with data in the box
 * [−2, 3]², float64.
 */
public abstract class NegativeSourceContract {
    /** Draws in the distribution checks. */
    public static final int DRAWS = 20_000;

    /** The provider under test. */
    protected abstract NegativeSourceProvider provider();

    /** The spec the source is built from. */
    protected abstract NegativeSourceSpec spec();

    /** The registry the provider may build nested plugins with; by default one holding the provider only. */
    protected PluginRegistry registry() {
        return PluginRegistry.of(List.of(provider()));
    }

    /** The p-value below which a distribution check fails. */
    protected double significance() {
        return 1e-3;
    }

    /** The seed of every check's generator. */
    protected long seed() {
        return 20_241_202L;
    }

    static final Box BOUNDS = new Box(new double[] {-2, -2}, new double[] {3, 3});

    private NegativeSource source() {
        return provider().create(spec(), new PluginContext(DataType.DOUBLE, new long[] {2}, BOUNDS, registry(),
                new Rng(seed() - 1)));
    }

    private ChainStart declared() {
        ChainStart start = provider().chainStart(spec());
        assertThat(start).as("the declared chain start").isNotNull();
        assertThat(start.origin()).as(provider().type() + " declares no chain start: override "
                + "NegativeSourceProvider.chainStart so that explain and train know where its chains start")
                .isNotEqualTo(ChainStart.Origin.UNDECLARED);
        return start;
    }

    /** A data batch of distinct points inside {@link #BOUNDS}. */
    private static INDArray data(Rng rng, int n) {
        return rng.uniform(DataType.DOUBLE, n, 2).muli(4.5).addi(-1.75);
    }

    @Test
    public void theChainStartIsDeclaredAndThePersistenceAgrees() {
        ChainStart start = declared();
        assertThat(source().persistent()).as("persistent() of a source declared as " + start)
                .isEqualTo(start.persistent());
    }

    @Test
    public void drawsAreFreshArraysOfTheAskedShapeThatLeaveTheDataAlone() {
        NegativeSource s = source();
        Rng rng = new Rng(seed());
        INDArray data = data(rng, 32);
        double[] before = Stats.doubles(data);
        for (int n : new int[] {32, 7, 50}) {
            INDArray x = s.draw(n, data, rng);
            assertThat(x.shape()).as("shape of a draw of %d chains", n).containsExactly(n, 2);
            assertThat(x.dataType()).as("data type of a draw").isEqualTo(DataType.DOUBLE);
            x.addi(1000);
            assertThat(Stats.doubles(data)).as("the data batch after a draw was changed").containsExactly(before);
            s.accept(x.subi(1000), rng);
        }
    }

    @Test
    public void stateRestoredIntoANewInstanceGivesIdenticalFutureDraws() {
        NegativeSource a = source();
        Rng rng = new Rng(seed());
        INDArray data = data(rng, 64);
        for (int t = 0; t < 5; t++) {
            INDArray x = a.draw(64, data, rng);
            a.accept(x.addi(rng.normal(DataType.DOUBLE, 64, 2).muli(0.1)), rng);
        }
        Map<String, INDArray> saved = new LinkedHashMap<>();
        a.state().forEach((k, v) -> saved.put(k, v.dup()));
        NegativeSource b = source();
        b.restore(saved);
        Rng ra = new Rng(seed() + 9);
        Rng rb = new Rng(seed() + 9);
        for (int t = 0; t < 4; t++) {
            INDArray xa = a.draw(48, data, ra);
            INDArray xb = b.draw(48, data, rb);
            assertThat(Stats.doubles(xb)).as("draw %d after restoring the state into a new instance", t)
                    .containsExactly(Stats.doubles(xa));
            INDArray moved = rng.normal(DataType.DOUBLE, 48, 2).muli(0.1);
            a.accept(xa.add(moved), ra);
            b.accept(xb.add(moved), rb);
        }
    }

    @Test
    public void theDeclaredChainStartHoldsInDistribution() {
        ChainStart start = declared();
        NegativeSource s = source();
        Rng rng = new Rng(seed());
        INDArray data = data(rng, 500);
        Set<String> dataRows = rows(data);
        INDArray first = s.draw(DRAWS, data, rng);
        if (start.origin() == ChainStart.Origin.DATA) {
            long off = Arrays.stream(rowsOf(first)).filter(r -> !dataRows.contains(r)).count();
            assertThat(off).as("draws of a source whose chains start at the data that are not data points")
                    .isZero();
        } else {
            // a persistent source may restart some chains at the data already: those are not noise
            checkLaw(start.noise(), start.resetToData() > 0 ? withoutRows(first, dataRows) : first);
        }
        if (!start.persistent()) {
            return;
        }
        // fill the buffer with far-away points: then a draw's rows come from the buffer, the data or the origin
        for (int t = 0; t < 3; t++) {
            s.accept(rng.normal(DataType.DOUBLE, DRAWS, 2).addi(100), rng);
        }
        INDArray x = s.draw(DRAWS, data, rng);
        long[] counts = new long[3]; // buffer, data, fresh from the origin
        for (String r : rowsOf(x)) {
            double v = Double.parseDouble(r.substring(0, r.indexOf(',')));
            counts[v > 50 ? 0 : dataRows.contains(r) ? 1 : 2]++;
        }
        double pData = start.resetToData() + (start.origin() == ChainStart.Origin.DATA ? start.reinit() : 0);
        double pFresh = start.origin() == ChainStart.Origin.DATA ? 0 : start.reinit();
        double pBuffer = 1 - pData - pFresh;
        System.out.printf("[%s] persistent draws: buffer %d, data %d, fresh %d of %d (declared %.3f / %.3f / %.3f)%n",
                getClass().getSimpleName(), counts[0], counts[1], counts[2], DRAWS, pBuffer, pData, pFresh);
        checkRates(counts, new double[] {pBuffer, pData, pFresh}, new String[] {"buffer", "data", "fresh"});
    }

    private void checkRates(long[] counts, double[] p, String[] names) {
        List<Integer> used = new java.util.ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                used.add(i);
            } else {
                assertThat(counts[i]).as("draws from the %s, which the declaration rules out", names[i]).isZero();
            }
        }
        if (used.size() < 2) {
            return;
        }
        long[] o = used.stream().mapToLong(i -> counts[i]).toArray();
        double[] q = used.stream().mapToDouble(i -> p[i]).toArray();
        Stats.ChiSquare chi = Stats.chiSquare(o, q);
        assertThat(chi.p()).as("chi-square of where persistent draws come from against the declared reinit and "
                + "resetToData (" + chi + ")").isGreaterThan(significance());
    }

    private void checkLaw(ChainStart.Noise noise, INDArray x) {
        for (int j = 0; j < 2; j++) {
            double[] col = Stats.column(x, j);
            java.util.function.DoubleUnaryOperator cdf;
            switch (noise.law()) {
                case UNIFORM -> {
                    double lo = noise.low() != null ? noise.low() : BOUNDS.low()[j];
                    double hi = noise.high() != null ? noise.high() : BOUNDS.high()[j];
                    cdf = z -> Math.min(1, Math.max(0, (z - lo) / (hi - lo)));
                }
                case GAUSSIAN -> {
                    var n = org.apache.commons.statistics.distribution.NormalDistribution.of(0, noise.std());
                    cdf = n::cumulativeProbability;
                }
                default -> {
                    return; // a law declared only in words cannot be tested
                }
            }
            Stats.Ks ks = Stats.ks(col, cdf);
            System.out.printf("[%s] fresh starts, coordinate %d, against the declared %s: %s%n",
                    getClass().getSimpleName(), j, noise.words(), ks);
            assertThat(ks.p()).as("KS p-value of coordinate %d of fresh starts against the declared %s (%s)", j,
                    noise.words(), ks).isGreaterThan(significance());
        }
    }

    private static String[] rowsOf(INDArray x) {
        double[] v = Stats.doubles(x);
        String[] out = new String[(int) x.size(0)];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[2 * i] + "," + v[2 * i + 1];
        }
        return out;
    }

    private static INDArray withoutRows(INDArray x, Set<String> drop) {
        String[] r = rowsOf(x);
        int[] keep = java.util.stream.IntStream.range(0, r.length).filter(i -> !drop.contains(r[i])).toArray();
        return x.getRows(keep);
    }

    private static Set<String> rows(INDArray x) {
        return new HashSet<>(Arrays.asList(rowsOf(x)));
    }
}
