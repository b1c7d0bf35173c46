package dev.ebm.runner.wiring;

import com.google.inject.AbstractModule;
import dev.ebm.api.run.MetricsSink;
import dev.ebm.api.run.RunClock;
import dev.ebm.api.run.RunDirectory;
import dev.ebm.api.spec.ExperimentSpec;
import java.nio.file.Path;

/**
 * The bindings of one run's child injector: its resolved spec, its run directory (train and sample only), its
 * metrics sink, a logger and the clock. These are the services a plugin may {@code @Inject}; randomness is not
 * among them (plugins receive an explicit {@link dev.ebm.api.Rng}).
 */
public final class RunWiring extends AbstractModule {
    /** The logger plugins get. */
    public static final String LOGGER = "ebm.plugins";
    /** What a plugin may inject, for error messages and docs. */
    public static final String INJECTABLE = "ExperimentSpec, RunDirectory (train and sample runs), MetricsSink, "
            + "RunClock, System.Logger";
    private final ExperimentSpec spec;
    private final Path runDir;
    private final MetricsSink metrics;

    /**
     * @param spec the run's resolved spec
     * @param runDir the run directory, or null when the command has none (e.g. {@code explain})
     * @param metrics the sink plugin metrics go to
     */
    public RunWiring(ExperimentSpec spec, Path runDir, MetricsSink metrics) {
        this.spec = spec;
        this.runDir = runDir;
        this.metrics = metrics;
    }

    @Override
    protected void configure() {
        bind(ExperimentSpec.class).toInstance(spec);
        if (runDir != null) {
            bind(RunDirectory.class).toInstance(new RunDirectory(runDir));
        }
        bind(MetricsSink.class).toInstance(metrics);
        bind(RunClock.class).toInstance(RunClock.system());
        bind(System.Logger.class).toInstance(new Slf4jSystemLogger(LOGGER));
    }
}
