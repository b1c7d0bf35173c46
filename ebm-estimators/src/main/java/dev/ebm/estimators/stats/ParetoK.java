package dev.ebm.estimators.stats;

import java.util.Arrays;

/**
 * The Pareto shape k̂ of the upper tail of importance weights (Vehtari, Simpson, Gelman, Yao &amp; Gabry 2024,
 * "Pareto smoothed importance sampling"): a generalised Pareto distribution is fitted to the largest
 * M = min(0.2·S, 3·√S) weights by the method of Zhang &amp; Stephens (2009) with the weakly informative prior of
 * the PSIS reference code. The weights have finite variance only for k &lt; 1/2 and a finite mean only for k &lt; 1;
 * above k ≈ 0.7 an importance-sampling estimate and its standard error are not to be trusted, whatever the number
 * of draws.
 */
public final class ParetoK {
    /** k̂ above which an estimate is flagged unreliable. */
    public static final double UNRELIABLE = 0.7;

    private ParetoK() {}

    /** k̂ of the weights exp(logW); NaN with fewer than 20 finite weights or a tail of ties. */
    public static double of(double[] logW) {
        double[] a = Arrays.stream(logW).filter(Double::isFinite).sorted().toArray();
        int s = a.length;
        if (s < 20) {
            return Double.NaN;
        }
        int m = (int) Math.min(Math.floor(0.2 * s), Math.ceil(3 * Math.sqrt(s)));
        if (m < 5) {
            return Double.NaN;
        }
        double max = a[s - 1];
        double threshold = Math.exp(a[s - m - 1] - max);
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = Math.exp(a[s - m + i] - max) - threshold;
        }
        if (!(x[m - 1] > 0)) {
            return Double.NaN;
        }
        return gpdShape(x);
    }

    /** Zhang &amp; Stephens' posterior-mean shape k of a generalised Pareto fit to sorted exceedances {@code x}. */
    static double gpdShape(double[] x) {
        int n = x.length;
        int grid = 30 + (int) Math.sqrt(n);
        double quartile = x[Math.max(0, (int) (n / 4.0 + 0.5) - 1)];
        if (!(quartile > 0)) {
            quartile = x[n - 1] / n;
        }
        double[] b = new double[grid];
        double[] logLik = new double[grid];
        for (int j = 0; j < grid; j++) {
            b[j] = 1 / x[n - 1] + (1 - Math.sqrt(grid / (j + 1 - 0.5))) / (3 * quartile);
            double k = 0;
            for (double v : x) {
                k += Math.log1p(-b[j] * v);
            }
            k /= n;
            logLik[j] = n * (Math.log(-b[j] / k) - k - 1);
        }
        double[] w = new double[grid];
        double total = 0;
        for (int j = 0; j < grid; j++) {
            double s = 0;
            for (int i = 0; i < grid; i++) {
                s += Math.exp(logLik[i] - logLik[j]);
            }
            w[j] = 1 / s;
            total += w[j];
        }
        double bMean = 0;
        for (int j = 0; j < grid; j++) {
            bMean += b[j] * w[j] / total;
        }
        double k = 0;
        for (double v : x) {
            k += Math.log1p(-bMean * v);
        }
        k /= n;
        double a = 10;
        return k * n / (n + a) + a * 0.5 / (n + a);
    }
}
