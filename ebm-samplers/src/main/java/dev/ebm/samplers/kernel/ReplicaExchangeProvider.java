package dev.ebm.samplers.kernel;

import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.SamplerProvider;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.samplers.spec.ReplicaExchangeSpec;

/** Provides the {@code replica-exchange} kernel; its inner kernel is built through the context's registry. */
public final class ReplicaExchangeProvider implements SamplerProvider {
    @Override
    public String type() {
        return "replica-exchange";
    }

    @Override
    public Class<ReplicaExchangeSpec> specType() {
        return ReplicaExchangeSpec.class;
    }

    @Override
    public SamplerKernel create(SamplerSpec spec, PluginContext context) {
        ReplicaExchangeSpec s = (ReplicaExchangeSpec) spec;
        if (context.registry() == null) {
            throw new IllegalStateException("replica-exchange builds its inner kernel through the plugin registry, "
                    + "but the context has none");
        }
        SamplerKernel inner = context.registry().create(s.kernel(), context);
        return new ReplicaExchangeKernel(s, inner);
    }

    @Override
    public String description() {
        return "replica exchange (parallel tempering) around any kernel: a temperature ladder with swaps "
                + "between neighbours; the T = 1 chains are the samples";
    }
}
