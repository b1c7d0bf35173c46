package dev.ebm.objectives;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.objectives.spec.CdStarSpec;

/**
 * Provides {@code cd-star}: mean E(x+) − mean E(x−) with x− from short chains started at the data batch —
 * contrastive divergence without its KL term (CD*, Gagnon &amp; Lajoie 2022, §4.4). The formula is the one of
 * {@code ml}; what differs is where the chains start, and the gradient is the positive phase plus the
 * divergence phase, not the NLL gradient. It follows the gradient of no fixed function and is biased.
 */
public final class CdStarProvider implements ObjectiveProvider {
    @Override
    public String type() {
        return "cd-star";
    }

    @Override
    public Class<CdStarSpec> specType() {
        return CdStarSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        return batch -> batch.ePos().mean().sub(batch.eNeg().mean());
    }

    @Override
    public TermRole role(ObjectiveSpec spec) {
        return TermRole.contrastive(TermRole.ChainUse.DATA_ONLY, false, "");
    }

    @Override
    public String description() {
        return "CD* (contrastive divergence without its KL term): mean E(x+) - mean E(x-), chains started at the "
                + "data (negatives: {type: data})";
    }
}
