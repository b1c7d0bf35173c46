package dev.ebm.data.toy;

import dev.ebm.api.DataSource;
import dev.ebm.api.plugin.DataProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.data.spec.EightGaussiansSpec;

/** Provides the {@code eight-gaussians} toy density. */
public final class EightGaussiansProvider implements DataProvider {
    @Override
    public String type() {
        return "eight-gaussians";
    }

    @Override
    public Class<EightGaussiansSpec> specType() {
        return EightGaussiansSpec.class;
    }

    @Override
    public DataSource create(DataSpec spec, PluginContext context) {
        EightGaussiansSpec s = (EightGaussiansSpec) spec;
        return new EightGaussians(s.radius(), s.std());
    }

    @Override
    public String description() {
        return "2-D toy: eight Gaussians on a circle (exact log-density)";
    }
}
