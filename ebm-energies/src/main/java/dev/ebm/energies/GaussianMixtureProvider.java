package dev.ebm.energies;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.plugin.EnergyProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.energies.spec.GaussianMixtureSpec;

/** Provides the {@code gaussian-mixture} energy. */
public final class GaussianMixtureProvider implements EnergyProvider {
    @Override
    public String type() {
        return "gaussian-mixture";
    }

    @Override
    public Class<GaussianMixtureSpec> specType() {
        return GaussianMixtureSpec.class;
    }

    @Override
    public EnergyFunction create(EnergySpec spec, PluginContext context) {
        GaussianMixtureSpec s = (GaussianMixtureSpec) spec;
        Analytic.checkDim(context.sampleShape(), context.sampleShape() == null ? 0 : context.sampleSize(), s.dim(),
                "means");
        return new GaussianMixture(s);
    }

    @Override
    public String description() {
        return "mixture of isotropic Gaussians: the exact negative log-density (log Z = 0); with temperature 1/n "
                + "(the mixture to a whole power) and offset (E + c) an exact log Z that is not 0";
    }
}
