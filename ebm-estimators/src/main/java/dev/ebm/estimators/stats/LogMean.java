package dev.ebm.estimators.stats;

/**
 * The log of a mean of positive numbers given by their logs, log((1/n)·Σ exp(a_i)), with its delta-method standard
 * error and the effective sample size of the numbers read as importance weights. Computed after subtracting
 * max(a), so nothing overflows.
 *
 * @param log log((1/n)·Σ exp(a_i))
 * @param stderr the delta-method standard error of {@code log}: sd(w)/(√n·mean(w)) for w = exp(a), with the
 *     unbiased sample variance; NaN for n &lt; 2
 * @param ess the effective sample size (Σw)²/Σw² (Kish), between 1 and n
 * @param n the number of terms
 */
public record LogMean(double log, double stderr, double ess, int n) {

    /** The log-mean of exp(a) over all of {@code a}. */
    public static LogMean of(double[] a) {
        int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("the mean of no numbers");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                return new LogMean(Double.NaN, Double.NaN, Double.NaN, n);
            }
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return new LogMean(Double.NEGATIVE_INFINITY, Double.NaN, 0, n);
        }
        double sum = 0;
        double sumSq = 0;
        for (double v : a) {
            double w = Math.exp(v - max);
            sum += w;
            sumSq += w * w;
        }
        double mean = sum / n;
        double var = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : Double.NaN;
        double stderr = Math.sqrt(var / n) / mean;
        return new LogMean(max + Math.log(mean), stderr, sum * sum / sumSq, n);
    }

    /** log Σ exp(a_i), stably; −∞ for an empty array. */
    public static double logSumExp(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max) || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (double v : a) {
            s += Math.exp(v - max);
        }
        return max + Math.log(s);
    }

    /** log(exp(a) + exp(b)), stably. */
    public static double logAddExp(double a, double b) {
        double m = Math.max(a, b);
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }
}
