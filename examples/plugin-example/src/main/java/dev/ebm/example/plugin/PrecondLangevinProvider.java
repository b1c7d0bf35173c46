package dev.ebm.example.plugin;

import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.SamplerProvider;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.example.plugin.spec.PrecondLangevinSpec;

/** Provides the {@code precond-langevin} kernel. */
public final class PrecondLangevinProvider implements SamplerProvider {
    @Override
    public String type() {
        return "precond-langevin";
    }

    @Override
    public Class<PrecondLangevinSpec> specType() {
        return PrecondLangevinSpec.class;
    }

    @Override
    public SamplerKernel create(SamplerSpec spec, PluginContext context) {
        return new PrecondLangevinKernel((PrecondLangevinSpec) spec);
    }

    @Override
    public String description() {
        return "Langevin with a diagonal preconditioner M, Metropolis-adjusted unless adjust: false";
    }
}
