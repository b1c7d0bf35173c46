package dev.ebm.runner.diag;

/**
 * The potential scale reduction R̂ = √(var⁺ / W) of M chains of N draws (Gelman et al., BDA3 §11.4), with W the
 * mean within-chain variance and var⁺ = (N − 1)/N·W + B/N, B/N the variance of the chain means.
 */
final class Rhat {
    private Rhat() {}

    /** R̂ of {@code chains} ({@code [M][N]}, M ≥ 2, N ≥ 2); NaN when every chain is constant. */
    static double of(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (m < 2 || n < 2) {
            return Double.NaN;
        }
        double[] means = new double[m];
        double w = 0;
        for (int c = 0; c < m; c++) {
            means[c] = Moments.mean(chains[c]);
            w += Moments.variance(chains[c]);
        }
        w /= m;
        double varPlus = (n - 1.0) / n * w + Moments.variance(means);
        return w > 0 ? Math.sqrt(varPlus / w) : Double.NaN;
    }
}
