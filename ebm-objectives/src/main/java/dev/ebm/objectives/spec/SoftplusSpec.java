package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * A logistic contrastive loss: every data point x+_i is paired with every negative sample x−_j, and each pair is
 * scored as a binary classification of which point is the data one, with logit (E(x−_j) − E(x+_i))/τ:
 *
 * <pre>
 *   L = τ · (1/(B·N)) Σ_i Σ_j softplus((E(x+_i) − E(x−_j)) / τ)
 *   ∇L = (1/(B·N)) Σ_i Σ_j σ((E(x+_i) − E(x−_j)) / τ) · (∇E(x+_i) − ∇E(x−_j))
 * </pre>
 *
 * Pairs the model already separates (E(x+) ≪ E(x−)) get little weight. As τ → ∞ the weights tend to ½ and the
 * gradient to half that of {@code ml}; the factor τ keeps the gradient's scale independent of τ.
 *
 * @param weight the term's weight (default 1)
 * @param temperature τ > 0 (default 1)
 */
public record SoftplusSpec(@Default("1") @Range Double weight,
        @Default("1") @Range(min = 0, exclusiveMin = true) Double temperature) implements ObjectiveSpec {
    public SoftplusSpec {
        Checks c = new Checks(SoftplusSpec.class);
        weight = c.field("weight", weight);
        temperature = c.field("temperature", temperature);
        c.done();
    }
}
