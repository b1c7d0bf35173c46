package dev.ebm.energies;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.plugin.EnergyProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.energies.spec.GaussianSpec;

/** Provides the {@code gaussian} energy. */
public final class GaussianProvider implements EnergyProvider {
    @Override
    public String type() {
        return "gaussian";
    }

    @Override
    public Class<GaussianSpec> specType() {
        return GaussianSpec.class;
    }

    @Override
    public EnergyFunction create(EnergySpec spec, PluginContext context) {
        GaussianSpec s = (GaussianSpec) spec;
        Analytic.checkDim(context.sampleShape(), context.sampleShape() == null ? 0 : context.sampleSize(), s.dim(),
                "mean");
        return new Gaussian(s);
    }

    @Override
    public String description() {
        return "multivariate Gaussian N(mean, covariance): the exact negative log-density (log Z = 0); with "
                + "temperature (E/T) and offset (E + c) an exact log Z that is not 0";
    }
}
