package dev.ebm.estimators.generator;

import java.util.Arrays;

/**
 * The squared maximum mean discrepancy between two samples with a Gaussian kernel
 * k(a, b) = exp(−‖a − b‖²/(2σ²)), unbiased form (Gretton et al. 2012):
 * MMD² = mean_{i≠j} k(x_i, x_j) + mean_{i≠j} k(y_i, y_j) − 2·mean_{i,j} k(x_i, y_j). It can be slightly negative
 * when the two distributions are equal. The bandwidth σ is the median distance between pooled points (the median
 * heuristic), computed on at most 1000 points of each sample, unless given. Brute force, O((n + m)²·d).
 */
public final class Mmd {
    private Mmd() {}

    /** MMD² with the median-heuristic bandwidth of {@link #medianBandwidth}. */
    public static double squared(double[][] x, double[][] y) {
        return squared(x, y, medianBandwidth(x, y));
    }

    /** MMD² with the bandwidth {@code sigma}. */
    public static double squared(double[][] x, double[][] y, double sigma) {
        double g = 1 / (2 * sigma * sigma);
        return within(x, g) + within(y, g) - 2 * between(x, y, g);
    }

    /** The median distance between pooled points (at most 1000 of each sample, the first ones). */
    public static double medianBandwidth(double[][] x, double[][] y) {
        int a = Math.min(1000, x.length);
        int b = Math.min(1000, y.length);
        double[][] pool = new double[a + b][];
        System.arraycopy(x, 0, pool, 0, a);
        System.arraycopy(y, 0, pool, a, b);
        double[] dist = new double[pool.length * (pool.length - 1) / 2];
        int at = 0;
        for (int i = 0; i < pool.length; i++) {
            for (int j = i + 1; j < pool.length; j++) {
                dist[at++] = Math.sqrt(sq(pool[i], pool[j]));
            }
        }
        Arrays.sort(dist);
        return dist[dist.length / 2];
    }

    private static double within(double[][] x, double g) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                s += Math.exp(-g * sq(x[i], x[j]));
            }
        }
        return 2 * s / ((double) x.length * (x.length - 1));
    }

    private static double between(double[][] x, double[][] y, double g) {
        double s = 0;
        for (double[] a : x) {
            for (double[] b : y) {
                s += Math.exp(-g * sq(a, b));
            }
        }
        return s / ((double) x.length * y.length);
    }

    private static double sq(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            double t = a[c] - b[c];
            s += t * t;
        }
        return s;
    }
}
