package dev.ebm.energies;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.plugin.EnergyProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.energies.spec.MultiscaleSpec;

/** Provides the {@code multiscale} energy. */
public final class MultiscaleProvider implements EnergyProvider {
    @Override
    public String type() {
        return "multiscale";
    }

    @Override
    public Class<MultiscaleSpec> specType() {
        return MultiscaleSpec.class;
    }

    @Override
    public EnergyFunction create(EnergySpec spec, PluginContext context) {
        return new Multiscale((MultiscaleSpec) spec, context);
    }

    @Override
    public String description() {
        return "sum of energies of the image at full, half, quarter, ... resolution (average pooling; Du et al. 2020)";
    }
}
