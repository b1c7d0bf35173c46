package dev.ebm.energies.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;
import dev.ebm.api.spec.EnergySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A mixture of isotropic Gaussians as an energy: E(x) = −log Σ_k w_k·N(x; μ_k, σ_k²I), the full negative
 * log-density (log Z = 0), computed with a stable log-sum-exp. It has no parameters.
 *
 * @param weights w_k, positive and summing to 1 (required)
 * @param means μ_k, always a list of vectors, {@code [[-2], [2]]} in 1-D (required, one per weight)
 * @param stds σ_k, one isotropic standard deviation per component (required, one per weight)
 */
public record GaussianMixtureSpec(@Required List<Double> weights, @Required List<List<Double>> means,
        @Required @Range(min = 0, exclusiveMin = true) List<Double> stds) implements EnergySpec {

    /** How far the weights' sum may be from 1. */
    public static final double SUM_TOLERANCE = 1e-6;

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
        c.done();
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
