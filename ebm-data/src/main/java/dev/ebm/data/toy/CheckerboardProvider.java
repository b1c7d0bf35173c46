package dev.ebm.data.toy;

import dev.ebm.api.DataSource;
import dev.ebm.api.plugin.DataProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.data.spec.CheckerboardSpec;

/** Provides the {@code checkerboard} toy density. */
public final class CheckerboardProvider implements DataProvider {
    @Override
    public String type() {
        return "checkerboard";
    }

    @Override
    public Class<CheckerboardSpec> specType() {
        return CheckerboardSpec.class;
    }

    @Override
    public DataSource create(DataSpec spec, PluginContext context) {
        CheckerboardSpec s = (CheckerboardSpec) spec;
        return new Checkerboard(s.squares(), s.size());
    }

    @Override
    public String description() {
        return "2-D toy: uniform on the black squares of a checkerboard (exact log-density)";
    }
}
