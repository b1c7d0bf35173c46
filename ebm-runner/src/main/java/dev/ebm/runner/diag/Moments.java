package dev.ebm.runner.diag;

/** Means and variances of plain arrays. */
final class Moments {
    private Moments() {}

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    /** The sample variance (denominator n − 1). */
    static double variance(double[] a) {
        double mean = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - mean) * (v - mean);
        }
        return s / (a.length - 1);
    }
}
