package dev.ebm.data.toy;

import dev.ebm.api.DataSource;
import dev.ebm.api.plugin.DataProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.data.spec.PinwheelSpec;

/** Provides the {@code pinwheel} toy density. */
public final class PinwheelProvider implements DataProvider {
    @Override
    public String type() {
        return "pinwheel";
    }

    @Override
    public Class<PinwheelSpec> specType() {
        return PinwheelSpec.class;
    }

    @Override
    public DataSource create(DataSpec spec, PluginContext context) {
        PinwheelSpec s = (PinwheelSpec) spec;
        return new Pinwheel(s.classes(), s.radialStd(), s.tangentialStd(), s.rate(), s.scale());
    }

    @Override
    public String description() {
        return "2-D toy: pinwheel of Johnson et al. (exact log-density by change of variables)";
    }
}
