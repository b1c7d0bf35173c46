package dev.ebm.api.plugin;

import dev.ebm.api.spec.SamplerSpec;

/** The service interface of sampler kernels. */
public interface SamplerProvider extends Provider<SamplerSpec, dev.ebm.api.SamplerKernel> {}
