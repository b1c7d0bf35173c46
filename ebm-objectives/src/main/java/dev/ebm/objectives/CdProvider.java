package dev.ebm.objectives;

import java.util.List;
import dev.ebm.api.plugin.Sizing;
import dev.ebm.api.plugin.Allocation;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.autodiff.Tensor;
import dev.ebm.objectives.spec.CdSpec;

/**
 * Provides {@code cd}: contrastive divergence with its KL term, mean E_θ(x+) − mean E_θ(x−) + w·H(x_K(θ))
 * − mean E_Ω(x_K(θ)) (see {@link CdSpec}). Meant for chains started at the data.
 */
public final class CdProvider implements ObjectiveProvider {
    @Override
    public String type() {
        return "cd";
    }

    @Override
    public Class<CdSpec> specType() {
        return CdSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        CdSpec s = (CdSpec) spec;
        return new Term(new KlPart(type(), s.backpropSteps(), s.entropy()));
    }

    @Override
    public List<Allocation> allocations(ObjectiveSpec spec, Sizing sizing) {
        return NearestNeighbourEntropy.allocations(((CdSpec) spec).entropy(), sizing);
    }

    @Override
    public TermRole role(ObjectiveSpec spec) {
        return TermRole.contrastive(TermRole.ChainUse.DATA_ONLY, true, "");
    }

    @Override
    public String description() {
        return "contrastive divergence with its KL term (differentiates through the sampler; chains from the data)";
    }

    /** CD* plus the KL term. */
    private static final class Term extends KlBackedTerm {
        Term(KlPart kl) {
            super(kl);
        }

        @Override
        public Tensor loss(TrainBatch batch) {
            Tensor cdStar = batch.ePos().mean().sub(batch.eNeg().mean());
            return cdStar.add(kl.loss(batch));
        }
    }
}
