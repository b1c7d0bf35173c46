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

    /** A KL auxiliary loss whose sign is CD's with {@code sign: cd} and the opposite with {@code du2020}. */
    @Override
    public TermRole role(ObjectiveSpec spec) {
        KlAuxSpec s = (KlAuxSpec) spec;
        boolean cd = "cd".equals(s.sign());
        return TermRole.klAuxiliary(cd ? TermRole.KlSign.AS_IN_CD : TermRole.KlSign.OPPOSITE_TO_CD,
                "the KL auxiliary loss of Du et al. 2020 (sign " + s.sign() + ")",
                "kl-aux adds the KL auxiliary loss of Du et al. (2020) with sign '" + s.sign() + "': "
                        + (cd ? "it raises the chain end point's energy and lowers its entropy, the sign of CD's "
                                + "KL term"
                                : "it lowers the chain end point's energy and raises its entropy, the opposite of CD's "
                                        + "KL term")
                        + (s.entropy().weight() == 0 ? " (entropy part off)." : "."));
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
