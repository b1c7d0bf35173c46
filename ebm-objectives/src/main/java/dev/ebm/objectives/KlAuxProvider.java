package dev.ebm.objectives;

import java.util.List;
import dev.ebm.api.plugin.Sizing;
import dev.ebm.api.plugin.Allocation;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.autodiff.Tensor;
import dev.ebm.objectives.spec.KlAuxSpec;

/**
 * Provides {@code kl-aux}: the KL auxiliary loss of Du et al. 2020, mean E_Ω(x_K(θ)) − w·H(x_K(θ)) with
 * {@code sign: du2020}, or its negative (the sign of CD's KL term) with {@code sign: cd} (see {@link KlAuxSpec}).
 */
public final class KlAuxProvider implements ObjectiveProvider {
    @Override
    public String type() {
        return "kl-aux";
    }

    @Override
    public Class<KlAuxSpec> specType() {
        return KlAuxSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        KlAuxSpec s = (KlAuxSpec) spec;
        return new Term(new KlPart(type(), s.backpropSteps(), s.entropy()), "cd".equals(s.sign()));
    }

    @Override
    public List<Allocation> allocations(ObjectiveSpec spec, Sizing sizing) {
        return NearestNeighbourEntropy.allocations(((KlAuxSpec) spec).entropy(), sizing);
    }

    @Override
    public String description() {
        return "KL auxiliary loss (Du et al. 2020): energy of the sampler's end points and nearest-neighbour entropy,"
                + " differentiated through the last sampler steps";
    }

    /** ±L_KL: L_KL itself with sign cd, its negative with sign du2020. */
    private static final class Term extends KlBackedTerm {
        private final boolean cdSign;

        Term(KlPart kl, boolean cdSign) {
            super(kl);
            this.cdSign = cdSign;
        }

        @Override
        public Tensor loss(TrainBatch batch) {
            Tensor l = kl.loss(batch);
            return cdSign ? l : l.neg();
        }
    }
}
