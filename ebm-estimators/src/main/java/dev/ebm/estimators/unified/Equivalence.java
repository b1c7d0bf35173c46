package dev.ebm.estimators.unified;

/**
 * One equivalence of the unified view checked on one set of samples: two estimators that solve the same equation,
 * their values and the difference, beside the Monte Carlo standard error that measures how far either is from the
 * truth (the difference should be many orders of magnitude below it).
 *
 * @param relation what is claimed, e.g. {@code nce at a fixed shape = optimal bridge}
 * @param left the first estimator's name
 * @param leftLogZ its log Z
 * @param right the second estimator's name
 * @param rightLogZ its log Z
 * @param stderr the Monte Carlo standard error of {@code right} (nats)
 * @param setup the samples and proposals both read
 */
public record Equivalence(String relation, String left, double leftLogZ, String right, double rightLogZ,
        double stderr, String setup) {

    /** leftLogZ − rightLogZ. */
    public double difference() {
        return leftLogZ - rightLogZ;
    }
}
