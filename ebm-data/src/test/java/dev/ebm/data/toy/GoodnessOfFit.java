package dev.ebm.data.toy;

import dev.ebm.api.Box;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Pearson's chi-square test of binned samples against bin probabilities. Bins expecting fewer than 5 samples are
 * pooled with the samples outside the box into one "rest" cell (merged into the smallest cell if it too expects
 * fewer than 5; dropped if it expects none and holds none).
 */
final class GoodnessOfFit {
    private GoodnessOfFit() {}

    /** Counts of {@code xy} (flattened [n, 2]) in {@code bins × bins} cells of {@code box}; the last entry: outside. */
    static long[] counts(double[] xy, Box box, int bins) {
        long[] c = new long[bins * bins + 1];
        double wx = (box.high()[0] - box.low()[0]) / bins;
        double wy = (box.high()[1] - box.low()[1]) / bins;
        for (int k = 0; k < xy.length; k += 2) {
            int i = (int) Math.floor((xy[k] - box.low()[0]) / wx);
            int j = (int) Math.floor((xy[k + 1] - box.low()[1]) / wy);
            if (i < 0 || j < 0 || i >= bins || j >= bins) {
                c[bins * bins]++;
            } else {
                c[i * bins + j]++;
            }
        }
        return c;
    }

    /** The p-value of {@code counts} (from {@link #counts}) under bin probabilities {@code probs}. */
    static double pValue(double[] probs, long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        List<Double> expected = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        double restExpected = n;
        long restObserved = counts[probs.length];
        for (int b = 0; b < probs.length; b++) {
            double e = n * probs[b];
            if (e >= 5) {
                expected.add(e);
                observed.add(counts[b]);
                restExpected -= e;
            } else {
                restObserved += counts[b];
            }
        }
        restExpected = Math.max(restExpected, 0);
        if (restExpected >= 5) {
            expected.add(restExpected);
            observed.add(restObserved);
        } else if (restExpected > 1e-9 || restObserved > 0) {
            int smallest = 0;
            for (int b = 1; b < expected.size(); b++) {
                if (expected.get(b) < expected.get(smallest)) {
                    smallest = b;
                }
            }
            expected.set(smallest, expected.get(smallest) + restExpected);
            observed.set(smallest, observed.get(smallest) + restObserved);
        }
        double[] e = expected.stream().mapToDouble(Double::doubleValue).toArray();
        long[] o = observed.stream().mapToLong(Long::longValue).toArray();
        return ChiSquareTest.withDefaults().test(e, o).getPValue();
    }
}
