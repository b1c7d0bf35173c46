package dev.ebm.runner.wiring;

import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.ebm.api.run.MetricsSink;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.plugins.PluginCatalog;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Opens runs: each gets a child injector of the application's, binding its spec, directory, sink, logger, clock. */
@Singleton
public final class Runs {
    private final Injector app;
    private final RunOverrides overrides;
    private final PluginCatalog catalog;

    @Inject
    Runs(Injector app, RunOverrides overrides, PluginCatalog catalog) {
        this.app = app;
        this.overrides = overrides;
        this.catalog = catalog;
    }

    /**
     * The scope of a run.
     *
     * @param spec the resolved spec
     * @param runDir the run directory, or null for commands without one
     * @param metrics where plugin metrics go ({@link MetricsSink#DISCARD} outside training)
     * @throws PluginWiringException when the run's bindings cannot be created (an override is broken)
     */
    public RunScope open(ExperimentSpec spec, Path runDir, MetricsSink metrics) {
        Module m = new RunWiring(spec, runDir, metrics);
        if (!overrides.modules().isEmpty()) {
            m = Modules.override(m).with(overrides.modules());
        }
        try {
            return new RunScope(app.createChildInjector(m), catalog);
        } catch (CreationException e) {
            throw new PluginWiringException("cannot wire the run: " + WiringErrors.describe(e), e);
        }
    }
}
