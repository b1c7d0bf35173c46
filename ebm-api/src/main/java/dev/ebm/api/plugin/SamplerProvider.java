package dev.ebm.api.plugin;

import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.traits.KernelTraits;

/** The service interface of sampler kernels. */
public interface SamplerProvider extends Provider<SamplerSpec, dev.ebm.api.SamplerKernel> {

    /**
     * What a kernel built from {@code spec} declares: Metropolis-adjusted or not, the temperature it targets,
     * whether its steps can be replayed on the tape, its gradient clip and clamp box. The runner reads this before
     * any plugin is built, so it must be a function of the validated spec. A kernel that wraps another (replica
     * exchange) asks {@code registry} for the inner kernel's traits ({@link PluginRegistry#kernelTraits}). The
     * default declares nothing ({@link KernelTraits#undeclared()}).
     */
    default KernelTraits traits(SamplerSpec spec, PluginRegistry registry) {
        return KernelTraits.undeclared();
    }
}
