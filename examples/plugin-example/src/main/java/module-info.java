/**
 * An example third-party plugin for the ebm framework: an energy ({@code rbf}), a sampler kernel
 * ({@code precond-langevin}), a negative source that starts chains at the data ({@code persistent-data}) and an
 * objective term ({@code hinge}). It injects nothing, so it needs neither {@code jakarta.inject} nor an
 * {@code opens} to Guice: only its spec package is opened, to the two modules that bind specs.
 */
module dev.ebm.example.plugin {
    requires dev.ebm.api;

    opens dev.ebm.example.plugin.spec to com.fasterxml.jackson.databind, dev.ebm.api;

    provides dev.ebm.api.plugin.EnergyProvider with dev.ebm.example.plugin.RbfProvider;
    provides dev.ebm.api.plugin.SamplerProvider with dev.ebm.example.plugin.PrecondLangevinProvider;
    provides dev.ebm.api.plugin.NegativeSourceProvider with dev.ebm.example.plugin.PersistentDataProvider;
    provides dev.ebm.api.plugin.ObjectiveProvider with dev.ebm.example.plugin.HingeProvider;
}
