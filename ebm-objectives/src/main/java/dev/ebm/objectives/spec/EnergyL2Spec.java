package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * Energy magnitude regularisation (IGEBM): α·(mean E(x+)² + mean E(x−)²), with α the weight.
 *
 * @param weight α (default 1)
 */
public record EnergyL2Spec(Double weight) implements ObjectiveSpec {
    public EnergyL2Spec {
        Checks c = new Checks();
        weight = c.nonNegative("weight", weight, 1.0);
        c.done();
    }
}
