package dev.ebm.runner.chains;

import java.util.Arrays;

/**
 * What a chain's class trace says about mixing. A trace is the argmax class at recorded steps; the start (index
 * 0, step 0) is left out of every measure here, because a chain from noise starts as noise, whatever the classifier
 * calls it. Over the records after the start:
 *
 * <ul>
 *   <li>{@link #changes}: how often the class differs from the previous record;</li>
 *   <li>{@link #distinct}: how many classes the chain visits;</li>
 *   <li>{@link #mostFrequentFraction}: the share of records in the chain's most frequent class;</li>
 *   <li>{@link #deepHole}: the chain ends in a <em>deep hole</em>: its final energy is below the 1st percentile of
 *       the test images' energies (lower than 99 % of real digits), and its class does not change over the last
 *       quarter of the run (every record at a step ≥ 3/4 of the length has the final class).</li>
 * </ul>
 */
public final class ChainMetrics {
    /** The test-energy percentile under which an end point counts as in a deep hole. */
    public static final double DEEP_HOLE_PERCENTILE = 0.01;

    private ChainMetrics() {}

    /** Class changes between consecutive records after the start. */
    public static int changes(int[] trace) {
        int c = 0;
        for (int t = 2; t < trace.length; t++) {
            if (trace[t] != trace[t - 1]) {
                c++;
            }
        }
        return c;
    }

    /** Distinct classes among the records after the start (0 when there are none). */
    public static int distinct(int[] trace) {
        return (int) Arrays.stream(trace, Math.min(1, trace.length), trace.length).distinct().count();
    }

    /** The share of the records after the start spent in the most frequent class (NaN when there are none). */
    public static double mostFrequentFraction(int[] trace) {
        if (trace.length < 2) {
            return Double.NaN;
        }
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        int best = 0;
        for (int t = 1; t < trace.length; t++) {
            best = Math.max(best, counts.merge(trace[t], 1, Integer::sum));
        }
        return (double) best / (trace.length - 1);
    }

    /**
     * Whether a chain ends in a deep hole (see the class comment).
     *
     * @param trace the classes at {@code steps}
     * @param steps the recorded steps, ascending, the last one the chain's length
     * @param finalEnergy the energy of the end point
     * @param threshold the deep-hole energy: {@link #DEEP_HOLE_PERCENTILE} of the test images' energies
     */
    public static boolean deepHole(int[] trace, int[] steps, double finalEnergy, double threshold) {
        if (!(finalEnergy < threshold)) {
            return false;
        }
        int length = steps[steps.length - 1];
        int last = trace[trace.length - 1];
        for (int t = 1; t < trace.length; t++) {
            if (4L * steps[t] >= 3L * length && trace[t] != last) {
                return false;
            }
        }
        return true;
    }

    /** The type-7 quantile {@code p} of {@code values} (linear interpolation between order statistics). */
    public static double quantile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) {
            return Double.NaN;
        }
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /** Mean, sample standard deviation (n − 1), min and max of {@code v}; NaN where undefined. */
    public record Spread(double mean, double std, double min, double max, int n) {
        public static Spread of(double[] v) {
            int n = v.length;
            if (n == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            return new Spread(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN,
                    Arrays.stream(v).min().orElse(Double.NaN), Arrays.stream(v).max().orElse(Double.NaN), n);
        }

        public static Spread ofInts(int[] v) {
            return of(Arrays.stream(v).asDoubleStream().toArray());
        }
    }
}
