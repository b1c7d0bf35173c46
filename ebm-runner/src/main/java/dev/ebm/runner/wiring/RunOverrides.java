package dev.ebm.runner.wiring;

import com.google.inject.Module;
import java.util.List;

/**
 * Modules that override bindings of every run's {@link RunWiring} (with Guice's {@code Modules.override}): a test
 * binds a fake {@link dev.ebm.api.run.RunClock} or an in-memory {@link dev.ebm.api.run.MetricsSink} this way.
 *
 * @param modules the overriding modules, empty for none
 */
public record RunOverrides(List<Module> modules) {
    public RunOverrides {
        modules = List.copyOf(modules);
    }
}
