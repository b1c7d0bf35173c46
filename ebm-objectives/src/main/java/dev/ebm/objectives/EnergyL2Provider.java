package dev.ebm.objectives;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.objectives.spec.EnergyL2Spec;

/** Provides {@code energy-l2}: mean E(x+)² + mean E(x−)² (weighted by α). */
public final class EnergyL2Provider implements ObjectiveProvider {
    @Override
    public String type() {
        return "energy-l2";
    }

    @Override
    public Class<EnergyL2Spec> specType() {
        return EnergyL2Spec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        return batch -> batch.ePos().square().mean().add(batch.eNeg().square().mean());
    }

    @Override
    public TermRole role(ObjectiveSpec spec) {
        return TermRole.regulariser("energy-l2 (weight " + spec.weight() + ") regularises the energies: the "
                + "optimum is then no longer exactly p_data.");
    }

    @Override
    public String description() {
        return "energy magnitude regularisation: alpha * (mean E(x+)^2 + mean E(x-)^2)";
    }
}
