package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * Noise-contrastive estimation (Gutmann &amp; Hyvärinen 2010). The model's log-density is log p(x) = −E_θ(x) − c with
 * c (log Z) a scalar the term learns; ν·B noise points y_k ~ q are drawn every step for the B data points, and
 *
 * <pre>
 *   G(x) = log p(x) − log(ν q(x)) = −E_θ(x) − c − log q(x) − log ν
 *   L = (1/B) Σ_i softplus(−G(x+_i)) + ν · (1/(νB)) Σ_k softplus(G(y_k))
 * </pre>
 *
 * the logistic loss of telling data from noise (the negative log-likelihood per data point). Its minimiser is
 * p = p_data and c = log ∫exp(−E_θ), wherever q covers the data. q is a Gaussian: by default fitted once to the data
 * (mean and full covariance of 10,000 points drawn when the experiment is built), or given as {@code noise: {mean:
 * [...], std: s}}. The term draws no negative samples from the sampler: a spec with only {@code nce} terms needs
 * no {@code negatives} or {@code sampler}. log Z is trained and checkpointed with the energy's parameters.
 *
 * @param weight the term's weight (default 1)
 * @param ratio ν, the number of noise points per data point, ≥ 1 (default 1)
 * @param noise an explicit isotropic Gaussian, or null to fit a Gaussian to the data
 */
public record NceSpec(@Default("1") @Range Double weight,
        @Default("1") @Range(min = 0, exclusiveMin = true) Integer ratio, NceNoise noise) implements ObjectiveSpec {
    public NceSpec {
        Checks c = new Checks(NceSpec.class);
        weight = c.field("weight", weight);
        ratio = c.field("ratio", ratio);
        c.done();
    }
}
