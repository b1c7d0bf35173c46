package dev.ebm.runner.optim;

import dev.ebm.api.Optimizer;
import dev.ebm.api.plugin.OptimizerProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.OptimizerSpec;

/** Provides the {@code adam} optimizer. */
public final class AdamProvider implements OptimizerProvider {
    @Override
    public String type() {
        return "adam";
    }

    @Override
    public Class<AdamSpec> specType() {
        return AdamSpec.class;
    }

    @Override
    public Optimizer create(OptimizerSpec spec, PluginContext context) {
        return new Adam((AdamSpec) spec);
    }

    @Override
    public String description() {
        return "Adam with bias correction and optional global-norm gradient clipping";
    }
}
