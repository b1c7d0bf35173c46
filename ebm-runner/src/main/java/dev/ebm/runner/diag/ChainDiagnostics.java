package dev.ebm.runner.diag;

/**
 * Convergence diagnostics of one scalar quantity across parallel chains, after Vehtari, Gelman, Simpson,
 * Carpenter &amp; Bürkner (2021), "Rank-normalization, folding, and localization: an improved R̂ for assessing
 * convergence of MCMC", Bayesian Analysis 16(2):
 * <ul>
 *   <li>each chain is split into halves (the middle draw of an odd length is dropped), so that a trend within a
 *       chain shows up as disagreement between chains;</li>
 *   <li>draws are rank-normalised: z = Φ⁻¹((r − 3/8)/(S + 1/4)) over all S draws, so heavy tails and infinite
 *       variances do not break the statistics;</li>
 *   <li>{@link #rhat} is the larger of the rank-normalised split-R̂ of the draws (bulk: differences in location)
 *       and of the folded draws |x − median| (tail: differences in scale);</li>
 *   <li>{@link #bulkEss} is the effective sample size of the rank-normalised split chains, with Geyer's initial
 *       monotone sequence truncating the autocorrelation sum.</li>
 * </ul>
 * Values near 1 (below 1.01 as the paper recommends) and an ESS of at least 100 per quantity indicate that the
 * chains agree; an R̂ above 1.1 means they clearly do not.
 */
public final class ChainDiagnostics {
    private ChainDiagnostics() {}

    /** R̂ and bulk ESS of one quantity. */
    public record Result(double rhat, double bulkEss) {}

    /**
     * Both diagnostics of {@code draws} ({@code [M][N]}: M chains of N draws each, warm-up already removed).
     * NaN when N &lt; 4, when a draw is not finite (a diverged chain) or when every draw is equal.
     */
    public static Result of(double[][] draws) {
        return new Result(rhat(draws), bulkEss(draws));
    }

    /** max(rank-normalised split-R̂, folded rank-normalised split-R̂). */
    public static double rhat(double[][] draws) {
        if (!usable(draws)) {
            return Double.NaN;
        }
        double[][] split = split(draws);
        double bulk = Rhat.of(RankNormal.scores(split));
        double tail = Rhat.of(RankNormal.scores(fold(split)));
        return Math.max(bulk, tail);
    }

    /** The effective sample size of the rank-normalised split chains (the bulk ESS). */
    public static double bulkEss(double[][] draws) {
        if (!usable(draws)) {
            return Double.NaN;
        }
        return Ess.of(RankNormal.scores(split(draws)));
    }

    /** Each chain's first and second halves as separate chains ({@code [2M][⌊N/2⌋]}). */
    static double[][] split(double[][] draws) {
        int n = draws[0].length;
        int half = n / 2;
        double[][] out = new double[2 * draws.length][];
        for (int m = 0; m < draws.length; m++) {
            out[2 * m] = java.util.Arrays.copyOfRange(draws[m], 0, half);
            out[2 * m + 1] = java.util.Arrays.copyOfRange(draws[m], n - half, n);
        }
        return out;
    }

    /** |x − median(x)| over all draws. */
    static double[][] fold(double[][] draws) {
        int total = 0;
        for (double[] c : draws) {
            total += c.length;
        }
        double[] all = new double[total];
        int k = 0;
        for (double[] c : draws) {
            System.arraycopy(c, 0, all, k, c.length);
            k += c.length;
        }
        java.util.Arrays.sort(all);
        double median = total % 2 == 1 ? all[total / 2] : (all[total / 2 - 1] + all[total / 2]) / 2;
        double[][] out = new double[draws.length][];
        for (int m = 0; m < draws.length; m++) {
            out[m] = new double[draws[m].length];
            for (int i = 0; i < draws[m].length; i++) {
                out[m][i] = Math.abs(draws[m][i] - median);
            }
        }
        return out;
    }

    /** Whether the draws allow the statistics: equal lengths (else an exception), N ≥ 4, finite, not constant. */
    private static boolean usable(double[][] draws) {
        if (draws.length == 0) {
            throw new IllegalArgumentException("no chains");
        }
        int n = draws[0].length;
        boolean varies = false;
        for (double[] c : draws) {
            if (c.length != n) {
                throw new IllegalArgumentException("chains differ in length: " + n + " and " + c.length);
            }
            for (double v : c) {
                if (!Double.isFinite(v)) {
                    return false;
                }
                varies |= v != draws[0][0];
            }
        }
        return n >= 4 && varies;
    }
}
