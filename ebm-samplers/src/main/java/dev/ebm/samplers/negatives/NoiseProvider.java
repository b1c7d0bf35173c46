package dev.ebm.samplers.negatives;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.traits.ChainStart;
import dev.ebm.samplers.spec.NoiseSpec;

/** Provides the {@code noise} negative source: fresh chains from noise at every step (short-run). */
public final class NoiseProvider implements NegativeSourceProvider {
    @Override
    public String type() {
        return "noise";
    }

    @Override
    public Class<NoiseSpec> specType() {
        return NoiseSpec.class;
    }

    @Override
    public NegativeSource create(NegativeSourceSpec spec, PluginContext context) {
        NoiseSpec s = (NoiseSpec) spec;
        return new NoiseSource(new Inits(s.init(), s.std(), s.low(), s.high(), context.dataBounds(), context.sampleShape(), context.dtype()));
    }

    /** Fresh chains from the spec's noise at every step. */
    @Override
    public ChainStart chainStart(NegativeSourceSpec spec) {
        NoiseSpec s = (NoiseSpec) spec;
        return ChainStart.fromNoise(Inits.law(s.init(), s.std(), s.low(), s.high()));
    }

    @Override
    public String description() {
        return "fresh chains from noise at every step (short-run)";
    }
}
