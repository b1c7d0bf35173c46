package dev.ebm.transitions;

import dev.ebm.api.Rng;

/**
 * Which samples of a batch a transition with probability {@code p} acts on: each sample independently with
 * probability p. This is the {@code p} of every transition spec.
 */
public final class Chosen {
    private Chosen() {}

    /**
     * The indices of the chosen samples among {@code n}, in increasing order. With p &gt;= 1 every sample and with
     * p &lt;= 0 none, without drawing anything; otherwise sample k is chosen when u_k &lt; p, with u_0, ..., u_{n−1}
     * drawn with {@link Rng#nextDouble} in sample order (n draws).
     */
    public static int[] of(int n, double p, Rng rng) {
        if (p >= 1) {
            int[] all = new int[n];
            for (int k = 0; k < n; k++) {
                all[k] = k;
            }
            return all;
        }
        if (p <= 0) {
            return new int[0];
        }
        int[] chosen = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (rng.nextDouble() < p) {
                chosen[m++] = k;
            }
        }
        return java.util.Arrays.copyOf(chosen, m);
    }
}
