package dev.ebm.objectives;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.objectives.spec.MlSpec;

/** Provides {@code ml}: mean E(x+) − mean E(x−). */
public final class MlProvider implements ObjectiveProvider {
    @Override
    public String type() {
        return "ml";
    }

    @Override
    public Class<MlSpec> specType() {
        return MlSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        return batch -> batch.ePos().mean().sub(batch.eNeg().mean());
    }

    @Override
    public TermRole role(ObjectiveSpec spec) {
        return TermRole.contrastive(TermRole.ChainUse.MODEL, false, "");
    }

    @Override
    public String description() {
        return "maximum likelihood: mean E(x+) - mean E(x-)";
    }
}
