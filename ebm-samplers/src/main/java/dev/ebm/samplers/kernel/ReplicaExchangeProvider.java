package dev.ebm.samplers.kernel;

import java.util.List;
import dev.ebm.api.plugin.Sizing;
import dev.ebm.api.plugin.Allocation;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SamplerProvider;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.samplers.spec.ReplicaExchangeSpec;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The inner kernel's exactness, temperature and limits (the visible chains run it at the target's temperature;
     * swaps are exact Metropolis moves); never replayable.
     */
    @Override
    public KernelTraits traits(SamplerSpec spec, PluginRegistry registry) {
        ReplicaExchangeSpec s = (ReplicaExchangeSpec) spec;
        KernelTraits inner = registry.kernelTraits(s.kernel());
        List<String> notes = new ArrayList<>();
        notes.add("Replica exchange reports its temperature-1 chains, which target what its inner kernel targets; "
                + "the hotter replicas only help them cross between modes.");
        notes.addAll(inner.notes());
        double[] ladder = s.ladder();
        return new KernelTraits(inner.exactness(), inner.temperature(), inner.temperatureRule(), false,
                List.of("replica exchange swaps chains between temperatures, which cannot be replayed on the tape"),
                inner.gradClip(), inner.clamp(), "replica exchange over " + ladder.length + " temperatures (1 to "
                        + Declarations.fmt(ladder[ladder.length - 1]) + ") around " + inner.description(), notes);
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
