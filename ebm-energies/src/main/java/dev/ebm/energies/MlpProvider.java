package dev.ebm.energies;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.plugin.EnergyProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.energies.spec.MlpSpec;

/** Provides the {@code mlp} energy. */
public final class MlpProvider implements EnergyProvider {
    @Override
    public String type() {
        return "mlp";
    }

    @Override
    public Class<MlpSpec> specType() {
        return MlpSpec.class;
    }

    @Override
    public EnergyFunction create(EnergySpec spec, PluginContext context) {
        return new Mlp((MlpSpec) spec, context.sampleSize(), context.dtype(), context.rng());
    }

    @Override
    public String description() {
        return "multilayer perceptron on flattened samples; optional spectral norm";
    }
}
