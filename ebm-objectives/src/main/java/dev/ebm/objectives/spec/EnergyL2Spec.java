package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * Energy magnitude regularisation (IGEBM): α·(mean E(x+)² + mean E(x−)²), with α the weight.
 *
 * @param weight α (default 1)
 */
public record EnergyL2Spec(@Default("1") @Range(min = 0) Double weight) implements ObjectiveSpec {
    public EnergyL2Spec {
        Checks c = new Checks(EnergyL2Spec.class);
        weight = c.field("weight", weight);
        c.done();
    }
}
