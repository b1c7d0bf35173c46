package dev.ebm.runner.sweep;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Mean, standard deviation and a 95 % Student-t confidence interval of a metric over the seeds of one case.
 *
 * @param n number of values
 * @param mean their mean (NaN when n = 0)
 * @param std the sample standard deviation, with n − 1 in the denominator (NaN when n < 2)
 * @param ciLow the lower end of {@code mean ± t(0.975, n − 1) · std / √n} (NaN when n < 2)
 * @param ciHigh the upper end (NaN when n < 2)
 */
public record Stats(int n, double mean, double std, double ciLow, double ciHigh) {

    /** The statistics of {@code values}. */
    public static Stats of(double... values) {
        int n = values.length;
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double v : values) {
            mean += v / n;
        }
        if (n == 1) {
            return new Stats(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / (n - 1));
        double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * std / Math.sqrt(n);
        return new Stats(n, mean, std, mean - half, mean + half);
    }
}
