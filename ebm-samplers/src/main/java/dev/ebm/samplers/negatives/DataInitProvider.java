package dev.ebm.samplers.negatives;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.traits.ChainStart;
import dev.ebm.samplers.spec.DataInitSpec;

/** Provides the {@code data} negative source: fresh chains from the data batch at every step (CD-k). */
public final class DataInitProvider implements NegativeSourceProvider {
    @Override
    public String type() {
        return "data";
    }

    @Override
    public Class<DataInitSpec> specType() {
        return DataInitSpec.class;
    }

    @Override
    public NegativeSource create(NegativeSourceSpec spec, PluginContext context) {
        DataInitSpec s = (DataInitSpec) spec;
        return new DataInitSource();
    }

    /** Fresh chains from the data batch at every step. */
    @Override
    public ChainStart chainStart(NegativeSourceSpec spec) {
        return ChainStart.fromData();
    }

    @Override
    public String description() {
        return "fresh chains from the data batch at every step (CD-k)";
    }
}
