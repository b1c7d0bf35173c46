package dev.ebm.samplers.kernel;

import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SamplerProvider;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.samplers.spec.GdSpec;

/** Provides the {@code gd} kernel. */
public final class GdProvider implements SamplerProvider {
    @Override
    public String type() {
        return "gd";
    }

    @Override
    public Class<GdSpec> specType() {
        return GdSpec.class;
    }

    @Override
    public SamplerKernel create(SamplerSpec spec, PluginContext context) {
        return new GdKernel((GdSpec) spec);
    }

    @Override
    public KernelTraits traits(SamplerSpec spec, PluginRegistry registry) {
        return Declarations.gd((GdSpec) spec);
    }

    @Override
    public String description() {
        return "noise-free gradient descent on the energy (langevin with noise 0)";
    }
}
