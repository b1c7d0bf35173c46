package dev.ebm.objectives;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.autodiff.Tensor;
import dev.ebm.objectives.spec.LogSumExpSpec;

/** Provides {@code logsumexp}: mean E(x+) + log mean_j exp(−E(x−_j)) (see {@link LogSumExpSpec}). */
public final class LogSumExpProvider implements ObjectiveProvider {
    @Override
    public String type() {
        return "logsumexp";
    }

    @Override
    public Class<LogSumExpSpec> specType() {
        return LogSumExpSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        return batch -> loss(batch.ePos(), batch.eNeg());
    }

    /** mean ePos + log mean exp(−eNeg), with the log-sum-exp shifted by its maximum. */
    static Tensor loss(Tensor ePos, Tensor eNeg) {
        return ePos.mean().add(Stable.logMeanExp(eNeg.neg()));
    }

    @Override
    public TermRole role(ObjectiveSpec spec) {
        return TermRole.contrastive(TermRole.ChainUse.ANY, false,
                "log-sum-exp form: self-normalised importance weights on the negatives");
    }

    @Override
    public String description() {
        return "self-normalised contrastive loss: mean E(x+) + log mean_j exp(-E(x-_j))";
    }
}
