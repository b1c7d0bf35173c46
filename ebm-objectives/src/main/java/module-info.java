/** Objective terms: maximum likelihood, energy regularisation, and the contrastive-divergence family. */
module dev.ebm.objectives {
    requires dev.ebm.api;

    opens dev.ebm.objectives.spec to com.fasterxml.jackson.databind, dev.ebm.api;

    provides dev.ebm.api.plugin.ObjectiveProvider with
            dev.ebm.objectives.MlProvider,
            dev.ebm.objectives.EnergyL2Provider,
            dev.ebm.objectives.CdProvider,
            dev.ebm.objectives.KlAuxProvider;
}
