package dev.ebm.samplers.kernel;

import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SamplerProvider;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.samplers.spec.HmcSpec;

/** Provides the {@code hmc} kernel. */
public final class HmcProvider implements SamplerProvider {
    @Override
    public String type() {
        return "hmc";
    }

    @Override
    public Class<HmcSpec> specType() {
        return HmcSpec.class;
    }

    @Override
    public SamplerKernel create(SamplerSpec spec, PluginContext context) {
        return new HmcKernel((HmcSpec) spec);
    }

    @Override
    public KernelTraits traits(SamplerSpec spec, PluginRegistry registry) {
        return Declarations.hmc((HmcSpec) spec);
    }

    @Override
    public String description() {
        return "Hamiltonian Monte Carlo: leapfrog trajectories with a Metropolis-Hastings test";
    }
}
