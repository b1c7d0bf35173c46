package dev.ebm.samplers.kernel;

import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SamplerProvider;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.samplers.spec.LangevinSpec;

/** Provides the {@code langevin} kernel. */
public final class LangevinProvider implements SamplerProvider {
    @Override
    public String type() {
        return "langevin";
    }

    @Override
    public Class<LangevinSpec> specType() {
        return LangevinSpec.class;
    }

    @Override
    public SamplerKernel create(SamplerSpec spec, PluginContext context) {
        return new LangevinKernel((LangevinSpec) spec);
    }

    @Override
    public KernelTraits traits(SamplerSpec spec, PluginRegistry registry) {
        return Declarations.langevin((LangevinSpec) spec);
    }

    @Override
    public String description() {
        return "unadjusted Langevin dynamics (epsilon form or decoupled stepSize/noise)";
    }
}
