package dev.ebm.data.toy;

import dev.ebm.api.DataSource;
import dev.ebm.api.plugin.DataProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.data.spec.TwoMoonsSpec;

/** Provides the {@code two-moons} toy density. */
public final class TwoMoonsProvider implements DataProvider {
    @Override
    public String type() {
        return "two-moons";
    }

    @Override
    public Class<TwoMoonsSpec> specType() {
        return TwoMoonsSpec.class;
    }

    @Override
    public DataSource create(DataSpec spec, PluginContext context) {
        TwoMoonsSpec s = (TwoMoonsSpec) spec;
        return new TwoMoons(s.noise(), s.rescale());
    }

    @Override
    public String description() {
        return "2-D toy: scikit-learn's two moons (exact log-density by quadrature)";
    }
}
