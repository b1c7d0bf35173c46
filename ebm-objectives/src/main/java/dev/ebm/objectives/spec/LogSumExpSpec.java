package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * A contrastive loss with a self-normalised importance-sampling estimate of log Z:
 *
 * <pre>
 *   L = (1/B) Σ_i E(x+_i) + log (1/N) Σ_j exp(−E(x−_j))
 *   ∇L = (1/B) Σ_i ∇E(x+_i) − Σ_j w_j ∇E(x−_j),   w = softmax(−E(x−))
 * </pre>
 *
 * With negatives uniform over a region of volume V, the second term is a consistent estimate of log Z − log V,
 * so L estimates the NLL up to a constant; with negatives from chains it is {@code ml} with the negatives
 * reweighted toward low energy. The log-sum-exp is shifted by its maximum, so no exponential overflows.
 *
 * @param weight the term's weight (default 1)
 */
public record LogSumExpSpec(@Default("1") @Range Double weight) implements ObjectiveSpec {
    public LogSumExpSpec {
        Checks c = new Checks(LogSumExpSpec.class);
        weight = c.field("weight", weight);
        c.done();
    }
}
