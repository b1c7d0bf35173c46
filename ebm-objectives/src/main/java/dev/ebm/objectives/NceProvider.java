package dev.ebm.objectives;

import java.util.List;
import dev.ebm.api.plugin.Sizing;
import dev.ebm.api.plugin.Allocation;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.api.spec.SpecException;
import dev.ebm.objectives.spec.NceNoise;
import dev.ebm.objectives.spec.NceSpec;

/** Provides {@code nce}: noise-contrastive estimation with a learned log Z (see {@link NceSpec}). */
public final class NceProvider implements ObjectiveProvider {
    @Override
    public String type() {
        return "nce";
    }

    @Override
    public Class<NceSpec> specType() {
        return NceSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        NceSpec s = (NceSpec) spec;
        NceNoise n = s.noise();
        GaussianNoise noise = null;
        if (n != null) {
            long d = context.sampleSize();
            if (n.mean().size() != d) {
                throw new SpecException("noise.mean", "has " + n.mean().size() + " values but a sample has " + d
                        + " coordinates");
            }
            noise = GaussianNoise.isotropic(n.mean().stream().mapToDouble(Double::doubleValue).toArray(), n.std(),
                    context.dtype());
        }
        return new NceTerm(s.ratio(), noise, context.dtype());
    }

    @Override
    public List<Allocation> allocations(ObjectiveSpec spec, Sizing sizing) {
        int ratio = ((NceSpec) spec).ratio();
        return List.of(new Allocation("ratio", Allocation.product(3, ratio, sizing.samples(sizing.batch())), ratio
                + " × " + sizing.batch() + " noise points (ratio × train.batch) × " + sizing.sampleSize()
                + " values × " + sizing.dtypeBytes() + " bytes × 3 (points, energies' tape, log-densities)"));
    }

    @Override
    public TermRole role(ObjectiveSpec spec) {
        return TermRole.sampleFree("noise-contrastive estimation (a logistic classifier between data and a fixed "
                + "noise distribution, learning log Z as a parameter)", "The nce term needs no MCMC: its negatives are "
                + "draws from the noise distribution.");
    }

    @Override
    public String description() {
        return "noise-contrastive estimation with a learned log Z; Gaussian noise fitted to the data or given "
                + "(no negative samples)";
    }
}
