package dev.ebm.samplers.negatives;

import dev.ebm.api.plugin.Sizing;
import dev.ebm.api.plugin.Allocation;
import dev.ebm.api.NegativeSource;
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.traits.ChainStart;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.samplers.spec.ReplayBufferSpec;
import java.util.ArrayList;
import java.util.List;

/** Provides the {@code replay-buffer} negative source: persistent chains in a replay buffer. */
public final class ReplayBufferProvider implements NegativeSourceProvider {
    @Override
    public String type() {
        return "replay-buffer";
    }

    @Override
    public Class<ReplayBufferSpec> specType() {
        return ReplayBufferSpec.class;
    }

    @Override
    public NegativeSource create(NegativeSourceSpec spec, PluginContext context) {
        ReplayBufferSpec s = (ReplayBufferSpec) spec;
        List<Transition> transitions = new ArrayList<>();
        for (TransitionSpec ts : s.transitions()) {
            if (context.registry() == null) {
                throw new IllegalStateException("replay-buffer builds its transitions through the plugin registry, "
                        + "but the context has none");
            }
            transitions.add(context.registry().create(ts, context));
        }
        Inits init = new Inits(s.init(), s.std(), s.low(), s.high(), context.dataBounds(), context.sampleShape(),
                context.dtype());
        return new ReplayBuffer(s, init, context.sampleShape(), context.dtype(), transitions);
    }

    /** Persistent chains from the spec's init, with its reinit and resetToData probabilities. */
    @Override
    public ChainStart chainStart(NegativeSourceSpec spec) {
        ReplayBufferSpec s = (ReplayBufferSpec) spec;
        return ChainStart.persistent("data".equals(s.init()) ? null : Inits.law(s.init(), s.std(), s.low(), s.high()),
                s.reinit(), s.resetToData());
    }

    @Override
    public List<Allocation> allocations(NegativeSourceSpec spec, Sizing sizing) {
        int capacity = ((ReplayBufferSpec) spec).capacity();
        return List.of(new Allocation("capacity", Allocation.product(2, sizing.samples(capacity)), capacity
                + " samples × " + sizing.sampleSize() + " values × " + sizing.dtypeBytes() + " bytes × 2 (the "
                + "buffer, and its copy while a checkpoint is written)"));
    }

    @Override
    public String description() {
        return "persistent chains in a replay buffer";
    }
}
