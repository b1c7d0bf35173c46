/** MCMC sampler kernels and negative sources. */
module dev.ebm.samplers {
    requires dev.ebm.api;

    opens dev.ebm.samplers.spec to com.fasterxml.jackson.databind, dev.ebm.api;

    provides dev.ebm.api.plugin.SamplerProvider with
            dev.ebm.samplers.kernel.LangevinProvider,
            dev.ebm.samplers.kernel.MalaProvider,
            dev.ebm.samplers.kernel.HmcProvider,
            dev.ebm.samplers.kernel.GdProvider,
            dev.ebm.samplers.kernel.ReplicaExchangeProvider;
    provides dev.ebm.api.plugin.NegativeSourceProvider with
            dev.ebm.samplers.negatives.NoiseProvider,
            dev.ebm.samplers.negatives.DataInitProvider,
            dev.ebm.samplers.negatives.ReplayBufferProvider;
}
