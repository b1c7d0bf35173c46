/** Energy functions: neural (MLP, CNN, multi-scale sums) with optional spectral normalisation, and analytic. */
module dev.ebm.energies {
    requires dev.ebm.api;

    opens dev.ebm.energies.spec to com.fasterxml.jackson.databind, dev.ebm.api;

    provides dev.ebm.api.plugin.EnergyProvider with dev.ebm.energies.MlpProvider,
            dev.ebm.energies.CnnProvider,
            dev.ebm.energies.MultiscaleProvider,
            dev.ebm.energies.GaussianProvider,
            dev.ebm.energies.GaussianMixtureProvider;
}
