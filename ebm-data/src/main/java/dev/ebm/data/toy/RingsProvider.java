package dev.ebm.data.toy;

import dev.ebm.api.DataSource;
import dev.ebm.api.plugin.DataProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.data.spec.RingsSpec;

/** Provides the {@code rings} toy density. */
public final class RingsProvider implements DataProvider {
    @Override
    public String type() {
        return "rings";
    }

    @Override
    public Class<RingsSpec> specType() {
        return RingsSpec.class;
    }

    @Override
    public DataSource create(DataSpec spec, PluginContext context) {
        RingsSpec s = (RingsSpec) spec;
        return new Rings(s.radii(), s.std());
    }

    @Override
    public String description() {
        return "2-D toy: concentric rings with radial noise (exact log-density)";
    }
}
