package dev.ebm.example.plugin;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.example.plugin.spec.HingeSpec;

/** Provides the {@code hinge} objective term. */
public final class HingeProvider implements ObjectiveProvider {
    @Override
    public String type() {
        return "hinge";
    }

    @Override
    public Class<HingeSpec> specType() {
        return HingeSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        return new HingeTerm(((HingeSpec) spec).margin());
    }

    /** A contrastive term (data minus samples), meaningful for chains of any origin, without CD's KL term. */
    @Override
    public TermRole role(ObjectiveSpec spec) {
        return TermRole.contrastive(TermRole.ChainUse.ANY, false,
                "hinge form of the contrastive loss (margin " + ((HingeSpec) spec).margin() + ")");
    }

    @Override
    public String description() {
        return "margin contrastive loss: mean over pairs (i, j) of max(0, margin + E(x+_i) - E(x-_j))";
    }
}
