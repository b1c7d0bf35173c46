package dev.ebm.energies.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;
import dev.ebm.api.spec.EnergySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A mixture of isotropic Gaussians as an energy: E(x) = −(1/T)·log Σ_k w_k·N(x; μ_k, σ_k²I) + c, computed with a
 * stable log-sum-exp. At the defaults (T = 1, c = 0) it is the full negative log-density (log Z = 0). It has no
 * parameters.
 *
 * <p>{@code temperature} must be 1/n for a whole number n: the mixture raised to the power n expands
 * (multinomially) into a finite mixture of products of Gaussians, each a Gaussian with a closed-form integral, so
 * log Z stays exact and exact draws stay possible. For other temperatures ∫(Σ_k w_k N_k)^(1/T) has no closed form
 * (and numerical quadrature fails beyond a few dimensions); use {@code offset} to move log Z instead.
 *
 * @param weights w_k, positive and summing to 1 (required)
 * @param means μ_k, always a list of vectors, {@code [[-2], [2]]} in 1-D (required, one per weight)
 * @param stds σ_k, one isotropic standard deviation per component (required, one per weight)
 * @param offset c, added to the energy: log Z moves by −c (default 0)
 * @param temperature T = 1/n for a whole n ≥ 1 (default 1), with at most {@value #MAX_TERMS} terms in the expansion
 */
public record GaussianMixtureSpec(@Required List<Double> weights, @Required List<List<Double>> means,
        @Required @Range(min = 0, exclusiveMin = true) List<Double> stds, @Default("0") @Range Double offset,
        @Default("1") @Range(min = 0, exclusiveMin = true) Double temperature) implements EnergySpec {

    /** How far the weights' sum may be from 1. */
    public static final double SUM_TOLERANCE = 1e-6;
    /** The most terms (K + n − 1 choose n) the expansion of a tempered mixture may have. */
    public static final long MAX_TERMS = 100_000;

    public GaussianMixtureSpec {
        Checks c = new Checks(GaussianMixtureSpec.class);
        weights = c.field("weights", MatrixChecks.copy(weights));
        means = c.field("means", means);
        boolean stdsGiven = stds != null;
        if (means != null) {
            List<List<Double>> rows = new ArrayList<>();
            for (List<Double> m : means) {
                rows.add(MatrixChecks.copy(m));
            }
            means = MatrixChecks.copy(rows);
        }
        if (weights != null) {
            if (weights.isEmpty()) {
                c.fail("weights", "must have at least one entry, found []");
            } else if (MatrixChecks.finite(c, "weights", weights)) {
                double sum = 0;
                boolean positive = true;
                for (int k = 0; k < weights.size(); k++) {
                    if (!(weights.get(k) > 0)) {
                        c.fail("weights[" + k + "]", "must be > 0, found " + weights.get(k));
                        positive = false;
                    }
                    sum += weights.get(k);
                }
                if (positive && Math.abs(sum - 1) > SUM_TOLERANCE) {
                    c.fail("weights", "must sum to 1, found " + weights + " summing to " + new java.math.BigDecimal(sum)
                            .round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString());
                }
            }
        }
        int k = weights == null ? -1 : weights.size();
        if (means != null) {
            if (k >= 0 && means.size() != k) {
                c.fail("means", "must have one vector per weight (" + k + "), found " + means.size());
            }
            int d = -1;
            for (int i = 0; i < means.size(); i++) {
                List<Double> m = means.get(i);
                String field = "means[" + i + "]";
                if (m == null || m.isEmpty()) {
                    c.fail(field, "must be a vector with at least one entry, found " + m);
                } else if (d < 0) {
                    d = m.size();
                    MatrixChecks.finite(c, field, m);
                } else if (m.size() != d) {
                    c.fail(field, "must have " + d + " entries like means[0], found " + m.size());
                } else {
                    MatrixChecks.finite(c, field, m);
                }
            }
        }
        stds = c.field("stds", MatrixChecks.copy(stds));
        if (stdsGiven) {
            if (k >= 0 && stds.size() != k) {
                c.fail("stds", "must have one std per weight (" + k + "), found " + stds.size());
            }
        }
        offset = c.field("offset", offset);
        temperature = c.field("temperature", temperature);
        if (temperature != null && temperature > 0 && Double.isFinite(temperature)) {
            double n = 1 / temperature;
            if (n < 1 - 1e-9 || Math.abs(n - Math.rint(n)) > 1e-9 * n) {
                c.fail("temperature", "must be 1/n for a whole number n >= 1 (1, 0.5, 0.25, ...): the mixture to "
                        + "the power n is a finite mixture of Gaussians with an exact log Z, other powers have none; "
                        + "found " + temperature + " (use offset to move log Z)");
            } else if (k > 0 && terms(k, (int) Math.rint(n)) > MAX_TERMS) {
                c.fail("temperature", "1/" + (long) Math.rint(n) + " expands a " + k + "-component mixture into more "
                        + "than " + MAX_TERMS + " terms; use a larger temperature, found " + temperature);
            }
        }
        c.done();
    }

    /** The mixture with the defaults: offset 0, temperature 1 (log Z = 0). */
    public GaussianMixtureSpec(List<Double> weights, List<List<Double>> means, List<Double> stds) {
        this(weights, means, stds, null, null);
    }

    /** (k + n − 1 choose n), saturating at Long.MAX_VALUE. */
    static long terms(int k, int n) {
        double r = 1;
        for (int i = 1; i <= n; i++) {
            r = r * (k - 1 + i) / i;
            if (r > Long.MAX_VALUE / 2.0) {
                return Long.MAX_VALUE;
            }
        }
        return Math.round(r);
    }

    /** n = 1/T, the power the mixture is raised to. */
    public int power() {
        return (int) Math.rint(1 / temperature);
    }

    /** Number of components. */
    public int components() {
        return weights.size();
    }

    /** Number of coordinates. */
    public int dim() {
        return means.get(0).size();
    }

    public double weight(int k) {
        return weights.get(k);
    }

    public double std(int k) {
        return stds.get(k);
    }

    public double[] mean(int k) {
        return means.get(k).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
