package dev.ebm.samplers.kernel;

import java.util.List;
import dev.ebm.api.plugin.Sizing;
import dev.ebm.api.plugin.Allocation;
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
    public List<Allocation> allocations(SamplerSpec spec, Sizing sizing) {
        int replicas = ((ReplicaExchangeSpec) spec).ladder().length;
        String field = ((ReplicaExchangeSpec) spec).temperatures() != null ? "temperatures" : "replicas";
        return List.of(new Allocation(field, Allocation.product(4, replicas, sizing.samples(sizing.chains())),
                sizing.chains() + " chains × " + replicas + " replicas × " + sizing.sampleSize() + " values × "
                        + sizing.dtypeBytes() + " bytes × 4 (positions, gradients, proposals, noise)"));
    }

    @Override
    public String description() {
        return "replica exchange (parallel tempering) around any kernel: a temperature ladder with swaps "
                + "between neighbours; the T = 1 chains are the samples";
    }
}
