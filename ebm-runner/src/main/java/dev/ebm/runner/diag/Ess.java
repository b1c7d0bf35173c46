package dev.ebm.runner.diag;

/**
 * The effective sample size of M chains of N draws (Vehtari et al. 2021, §3.2; the algorithm of Stan and of the
 * R package posterior): the autocorrelation ρ̂_t combines within-chain autocovariances with the between-chain
 * variance, ρ̂_t = 1 − (W − mean_m acov_m[t]) / var⁺, and the sum τ̂ = −1 + 2·Σ ρ̂_t is truncated by Geyer's
 * initial positive sequence (pairs ρ̂_{2k} + ρ̂_{2k+1} while positive), made monotone (Geyer's initial monotone
 * sequence). ESS = M·N / τ̂, at most M·N·log10(M·N).
 */
final class Ess {
    private Ess() {}

    /** ESS of {@code chains} ({@code [M][N]}, N ≥ 4, equal lengths); NaN when every draw is the same. */
    static double of(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (n < 4) {
            return Double.NaN;
        }
        double[][] acov = new double[m][];
        double[] chainMean = new double[m];
        double meanVar = 0;
        for (int c = 0; c < m; c++) {
            acov[c] = Autocovariance.of(chains[c]);
            double s = 0;
            for (double v : chains[c]) {
                s += v;
            }
            chainMean[c] = s / n;
            meanVar += acov[c][0] * n / (n - 1.0);
        }
        meanVar /= m;
        double varPlus = meanVar * (n - 1) / n;
        if (m > 1) {
            varPlus += Moments.variance(chainMean);
        }
        if (!(varPlus > 0)) {
            return Double.NaN;
        }
        double[] rho = new double[n];
        rho[0] = 1;
        double even = 1;
        double odd = 1 - (meanVar - meanAt(acov, 1)) / varPlus;
        rho[1] = odd;
        int t = 0;
        while (t < n - 5 && !Double.isNaN(even + odd) && even + odd > 0) {
            t += 2;
            even = 1 - (meanVar - meanAt(acov, t)) / varPlus;
            odd = 1 - (meanVar - meanAt(acov, t + 1)) / varPlus;
            if (even + odd >= 0) {
                rho[t] = even;
                rho[t + 1] = odd;
            }
        }
        int maxT = t;
        if (even > 0) {
            rho[maxT] = even; // the improved estimate: less variance for antithetic chains
        }
        for (int k = 2; k <= maxT - 2; k += 2) {
            if (rho[k] + rho[k + 1] > rho[k - 2] + rho[k - 1]) {
                rho[k] = (rho[k - 2] + rho[k - 1]) / 2;
                rho[k + 1] = rho[k];
            }
        }
        double sum = 0;
        // lags 0 .. maxT − 1; at least lag 0 (so that chains of at most 5 draws get τ̂ = 2, as in Stan and posterior)
        for (int k = 0; k < Math.max(maxT, 1); k++) {
            sum += rho[k];
        }
        double total = (double) m * n;
        double tau = Math.max(-1 + 2 * sum + rho[maxT], 1 / Math.log10(total));
        return total / tau;
    }

    private static double meanAt(double[][] acov, int lag) {
        double s = 0;
        for (double[] a : acov) {
            s += a[lag];
        }
        return s / acov.length;
    }
}
