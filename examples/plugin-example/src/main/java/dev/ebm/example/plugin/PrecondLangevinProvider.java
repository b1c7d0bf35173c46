package dev.ebm.example.plugin;

import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SamplerProvider;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.example.plugin.spec.PrecondLangevinSpec;
import java.util.List;

/** Provides the {@code precond-langevin} kernel. */
public final class PrecondLangevinProvider implements SamplerProvider {
    @Override
    public String type() {
        return "precond-langevin";
    }

    @Override
    public Class<PrecondLangevinSpec> specType() {
        return PrecondLangevinSpec.class;
    }

    @Override
    public SamplerKernel create(SamplerSpec spec, PluginContext context) {
        return new PrecondLangevinKernel((PrecondLangevinSpec) spec);
    }

    /**
     * Metropolis-adjusted at temperature 1 by default; unadjusted (biased by O(ε²)) with {@code adjust: false}.
     * Either way its steps are not replayed on the tape (it does not implement {@code DifferentiableKernel}).
     */
    @Override
    public KernelTraits traits(SamplerSpec spec, PluginRegistry registry) {
        PrecondLangevinSpec s = (PrecondLangevinSpec) spec;
        String words = "Langevin with diagonal preconditioner " + s.scales() + " and epsilon " + s.epsilon();
        KernelTraits t = s.adjust() ? KernelTraits.metropolis(1.0, "1", "Metropolis-adjusted " + words)
                : KernelTraits.unadjusted(1.0, "1", "unadjusted " + words);
        return s.adjust() ? t : t.withoutReplay(List.of("precond-langevin does not replay its steps on the tape"));
    }

    @Override
    public String description() {
        return "Langevin with a diagonal preconditioner M, Metropolis-adjusted unless adjust: false";
    }
}
