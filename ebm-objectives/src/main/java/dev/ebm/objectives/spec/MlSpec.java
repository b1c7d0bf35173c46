package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * Maximum likelihood: mean E(x+) − mean E(x−), whose gradient is the NLL gradient when x− are samples of p_θ.
 *
 * @param weight the term's weight (default 1)
 */
public record MlSpec(Double weight) implements ObjectiveSpec {
    public MlSpec {
        Checks c = new Checks();
        weight = c.finite("weight", weight, 1.0);
        c.done();
    }
}
