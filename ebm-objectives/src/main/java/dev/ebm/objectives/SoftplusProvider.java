package dev.ebm.objectives;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.autodiff.Tensor;
import dev.ebm.objectives.spec.SoftplusSpec;

/**
 * Provides {@code softplus}: the logistic contrastive loss τ·mean_{i,j} softplus((E(x+_i) − E(x−_j))/τ) over all
 * pairs of a data point and a negative sample (see {@link SoftplusSpec}).
 */
public final class SoftplusProvider implements ObjectiveProvider {
    @Override
    public String type() {
        return "softplus";
    }

    @Override
    public Class<SoftplusSpec> specType() {
        return SoftplusSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        double tau = ((SoftplusSpec) spec).temperature();
        return batch -> loss(batch.ePos(), batch.eNeg(), tau);
    }

    /** τ·mean_{i,j} softplus((ePos_i − eNeg_j)/τ) for ePos {@code [B]} and eNeg {@code [N]}. */
    static Tensor loss(Tensor ePos, Tensor eNeg, double tau) {
        long b = ePos.shape()[0];
        long n = eNeg.shape()[0];
        Tensor diff = ePos.reshape(b, 1).broadcastTo(b, n).sub(eNeg.reshape(1, n).broadcastTo(b, n));
        return Stable.softplus(diff.mul(1.0 / tau)).mean().mul(tau);
    }

    @Override
    public TermRole role(ObjectiveSpec spec) {
        return TermRole.contrastive(TermRole.ChainUse.ANY, false, "softplus form of the contrastive loss");
    }

    @Override
    public String description() {
        return "logistic contrastive loss: tau * mean over all pairs (i, j) of softplus((E(x+_i) - E(x-_j)) / tau)";
    }
}
