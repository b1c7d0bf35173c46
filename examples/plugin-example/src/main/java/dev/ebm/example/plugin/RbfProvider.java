package dev.ebm.example.plugin;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.plugin.EnergyProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.example.plugin.spec.RbfSpec;

/** Provides the {@code rbf} energy. */
public final class RbfProvider implements EnergyProvider {
    @Override
    public String type() {
        return "rbf";
    }

    @Override
    public Class<RbfSpec> specType() {
        return RbfSpec.class;
    }

    @Override
    public EnergyFunction create(EnergySpec spec, PluginContext context) {
        RbfSpec s = (RbfSpec) spec;
        return new RbfEnergy(s.centres(), s.width(), (int) context.sampleSize(), context.dataBounds(),
                context.dtype(), context.rng());
    }

    @Override
    public String description() {
        return "learnable mixture of K isotropic Gaussian bumps, -log sum_k pi_k N(x; c_k, s_k^2 I) (log Z = 0)";
    }
}
