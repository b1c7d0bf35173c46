package dev.ebm.energies;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.plugin.EnergyProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.energies.spec.CnnSpec;

/** Provides the {@code cnn} energy. */
public final class CnnProvider implements EnergyProvider {
    @Override
    public String type() {
        return "cnn";
    }

    @Override
    public Class<CnnSpec> specType() {
        return CnnSpec.class;
    }

    @Override
    public EnergyFunction create(EnergySpec spec, PluginContext context) {
        return new Cnn((CnnSpec) spec, context.sampleShape(), context.dtype(), context.rng());
    }

    @Override
    public String description() {
        return "convolutional network on [C, H, W] images: convolutions, optional dense hidden layers, a dense output; "
                + "optional spectral norm";
    }
}
