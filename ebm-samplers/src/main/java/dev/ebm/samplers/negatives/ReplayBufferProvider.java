package dev.ebm.samplers.negatives;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.samplers.spec.ReplayBufferSpec;

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
        return new ReplayBuffer(s, new Inits(s.init(), s.std(), s.low(), s.high(), context.dataBounds(), context.sampleShape(), context.dtype()), context.sampleShape(), context.dtype());
    }

    @Override
    public String description() {
        return "persistent chains in a replay buffer";
    }
}
