/**
 * The service-provider interfaces of the framework (energies, sampler kernels, negative sources, objective terms,
 * transitions, data sources, optimizers), their spec records, the plugin registry and the explicit random
 * generator that every plugin receives.
 */
module dev.ebm.api {
    requires transitive dev.ebm.autodiff;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.fasterxml.jackson.annotation;

    exports dev.ebm.api;
    exports dev.ebm.api.spec;
    exports dev.ebm.api.plugin;
    exports dev.ebm.api.dataset;
    exports dev.ebm.api.run;
    exports dev.ebm.api.traits;

    opens dev.ebm.api.spec to com.fasterxml.jackson.databind;

    uses dev.ebm.api.plugin.EnergyProvider;
    uses dev.ebm.api.plugin.SamplerProvider;
    uses dev.ebm.api.plugin.NegativeSourceProvider;
    uses dev.ebm.api.plugin.ObjectiveProvider;
    uses dev.ebm.api.plugin.TransitionProvider;
    uses dev.ebm.api.plugin.DataProvider;
    uses dev.ebm.api.plugin.OptimizerProvider;
    uses dev.ebm.api.dataset.DatasetProvider;
}
