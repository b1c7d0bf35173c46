package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * CD*: contrastive divergence without its KL term, mean E(x+) − mean E(x−), meant for chains started at the data
 * batch ({@code negatives: {type: data}}) and run for a few steps. Its gradient is the positive phase plus the
 * divergence phase E_{q_t}[∇E] of Gagnon &amp; Lajoie (2022, §4.2–4.4), with q_t the law of the chains after t
 * steps from the data.
 *
 * @param weight the term's weight (default 1)
 */
public record CdStarSpec(@Default("1") @Range Double weight) implements ObjectiveSpec {
    public CdStarSpec {
        Checks c = new Checks(CdStarSpec.class);
        weight = c.field("weight", weight);
        c.done();
    }
}
