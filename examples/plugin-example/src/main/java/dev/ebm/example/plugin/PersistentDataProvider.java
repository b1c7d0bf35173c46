package dev.ebm.example.plugin;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.traits.ChainStart;
import dev.ebm.example.plugin.spec.PersistentDataSpec;

/** Provides the {@code persistent-data} negative source. */
public final class PersistentDataProvider implements NegativeSourceProvider {
    @Override
    public String type() {
        return "persistent-data";
    }

    @Override
    public Class<PersistentDataSpec> specType() {
        return PersistentDataSpec.class;
    }

    @Override
    public NegativeSource create(NegativeSourceSpec spec, PluginContext context) {
        return new PersistentDataSource(((PersistentDataSpec) spec).resetToData());
    }

    /** Persistent chains that start at the data and restart there with probability {@code resetToData}. */
    @Override
    public ChainStart chainStart(NegativeSourceSpec spec) {
        return ChainStart.persistent(null, 0.0, ((PersistentDataSpec) spec).resetToData());
    }

    @Override
    public String description() {
        return "persistent chains started at the data, each restarting there with probability resetToData per draw";
    }
}
