/**
 * Objective terms: maximum likelihood, energy regularisation, the contrastive-divergence family (CD*), contrastive
 * losses (softplus, logsumexp), noise-contrastive estimation and denoising score matching.
 */
module dev.ebm.objectives {
    requires dev.ebm.api;

    opens dev.ebm.objectives.spec to com.fasterxml.jackson.databind, dev.ebm.api;

    provides dev.ebm.api.plugin.ObjectiveProvider with
            dev.ebm.objectives.MlProvider,
            dev.ebm.objectives.EnergyL2Provider,
            dev.ebm.objectives.CdProvider,
            dev.ebm.objectives.KlAuxProvider,
            dev.ebm.objectives.CdStarProvider,
            dev.ebm.objectives.SoftplusProvider,
            dev.ebm.objectives.LogSumExpProvider,
            dev.ebm.objectives.NceProvider,
            dev.ebm.objectives.DsmProvider;
}
