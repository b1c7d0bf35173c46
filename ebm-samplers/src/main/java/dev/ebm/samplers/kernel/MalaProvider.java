package dev.ebm.samplers.kernel;

import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SamplerProvider;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.samplers.spec.MalaSpec;

/** Provides the {@code mala} kernel. */
public final class MalaProvider implements SamplerProvider {
    @Override
    public String type() {
        return "mala";
    }

    @Override
    public Class<MalaSpec> specType() {
        return MalaSpec.class;
    }

    @Override
    public SamplerKernel create(SamplerSpec spec, PluginContext context) {
        return new MalaKernel((MalaSpec) spec);
    }

    @Override
    public KernelTraits traits(SamplerSpec spec, PluginRegistry registry) {
        return Declarations.mala((MalaSpec) spec);
    }

    @Override
    public String description() {
        return "Metropolis-adjusted Langevin (MALA): the langevin proposal with an exact Metropolis-Hastings test";
    }
}
