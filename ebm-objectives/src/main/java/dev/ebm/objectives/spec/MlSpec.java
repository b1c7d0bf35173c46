package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * Maximum likelihood: mean E(x+) − mean E(x−), whose gradient is the NLL gradient when x− are samples of p_θ.
 *
 * @param weight the term's weight (default 1)
 */
public record MlSpec(@Default("1") @Range Double weight) implements ObjectiveSpec {
    public MlSpec {
        Checks c = new Checks(MlSpec.class);
        weight = c.field("weight", weight);
        c.done();
    }
}
