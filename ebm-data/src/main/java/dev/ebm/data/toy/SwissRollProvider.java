package dev.ebm.data.toy;

import dev.ebm.api.DataSource;
import dev.ebm.api.plugin.DataProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.data.spec.SwissRollSpec;

/** Provides the {@code swiss-roll} toy density. */
public final class SwissRollProvider implements DataProvider {
    @Override
    public String type() {
        return "swiss-roll";
    }

    @Override
    public Class<SwissRollSpec> specType() {
        return SwissRollSpec.class;
    }

    @Override
    public DataSource create(DataSpec spec, PluginContext context) {
        SwissRollSpec s = (SwissRollSpec) spec;
        return new SwissRoll(s.noise(), s.scale());
    }

    @Override
    public String description() {
        return "2-D toy: swiss roll (exact log-density by quadrature)";
    }
}
