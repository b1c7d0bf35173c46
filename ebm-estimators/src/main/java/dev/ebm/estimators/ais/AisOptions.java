package dev.ebm.estimators.ais;

/**
 * How annealed importance sampling runs.
 *
 * @param temperatures K, the number of steps of the path β_0 = 0 &lt; β_1 &lt; ... &lt; β_K = 1
 * @param stepsPerTemperature kernel transitions at each intermediate β (after its weight update)
 * @param schedule {@code sigmoid} (β_t = rescaled σ(4·(2t/K − 1)), denser at both ends; Grosse et al. 2015) or
 *     {@code linear}
 * @param adaptTarget after each transition the kernel's step size is multiplied by exp(0.5·(ᾱ − target)) with ᾱ the
 *     mean acceptance probability of the transition (kernels that report one); 0 keeps the kernel's step size fixed
 */
public record AisOptions(int temperatures, int stepsPerTemperature, String schedule, double adaptTarget) {

    public AisOptions {
        if (temperatures < 1) {
            throw new IllegalArgumentException("temperatures must be >= 1, found " + temperatures);
        }
        if (stepsPerTemperature < 1) {
            throw new IllegalArgumentException("stepsPerTemperature must be >= 1, found " + stepsPerTemperature);
        }
        if (!schedule.equals("sigmoid") && !schedule.equals("linear")) {
            throw new IllegalArgumentException("schedule: unknown '" + schedule + "'; known: [linear, sigmoid]");
        }
        if (!(adaptTarget >= 0 && adaptTarget < 1)) {
            throw new IllegalArgumentException("adaptTarget must be in [0, 1), found " + adaptTarget);
        }
    }

    /** 200 temperatures, one transition each, sigmoid schedule, step sizes adapted toward 0.65. */
    public static AisOptions defaults() {
        return new AisOptions(200, 1, "sigmoid", 0.65);
    }

    /** β_0 = 0, ..., β_K = 1. */
    public double[] betas() {
        int k = temperatures;
        double[] b = new double[k + 1];
        if (schedule.equals("linear")) {
            for (int t = 0; t <= k; t++) {
                b[t] = (double) t / k;
            }
            return b;
        }
        double lo = sigmoid(-4);
        double hi = sigmoid(4);
        for (int t = 0; t <= k; t++) {
            b[t] = (sigmoid(4 * (2.0 * t / k - 1)) - lo) / (hi - lo);
        }
        b[0] = 0;
        b[k] = 1;
        return b;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
