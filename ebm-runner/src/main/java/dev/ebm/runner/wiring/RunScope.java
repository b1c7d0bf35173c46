package dev.ebm.runner.wiring;

import com.google.inject.Injector;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.run.MetricsSink;
import dev.ebm.api.run.RunClock;
import dev.ebm.runner.plugins.PluginCatalog;
import dev.ebm.runner.plugins.PluginEntry;
import java.lang.reflect.AccessibleObject;

/**
 * One run's child injector and what the runner takes from it: the registry whose plugins get the run's services
 * injected, the clock, and the metrics sink to drain.
 */
public final class RunScope {
    private static final ClassValue<Boolean> INJECTS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (annotated(c.getDeclaredFields()) || annotated(c.getDeclaredMethods())) {
                    return true;
                }
            }
            return false;
        }
    };
    private final Injector injector;
    private final PluginCatalog catalog;
    private final PluginRegistry registry;

    RunScope(Injector injector, PluginCatalog catalog) {
        this.injector = injector;
        this.catalog = catalog;
        this.registry = catalog.registry().afterCreate(this::inject);
    }

    /** The run's injector (a child of the application's). */
    public Injector injector() {
        return injector;
    }

    /** The registry to build the run's plugins with: each plugin gets its {@code @Inject} members set. */
    public PluginRegistry registry() {
        return registry;
    }

    /** The run's clock. */
    public RunClock clock() {
        return injector.getInstance(RunClock.class);
    }

    /** The run's metrics sink, if it is the runner's own (a test may bind another), else null. */
    public StepMetrics stepMetrics() {
        MetricsSink s = injector.getInstance(MetricsSink.class);
        return s instanceof StepMetrics m ? m : null;
    }

    /**
     * Injects the run's services into a plugin that declares {@code @Inject} members; plugins that declare none are
     * left alone (so they need no {@code opens} to Guice).
     *
     * @throws PluginWiringException naming the plugin and what could not be injected
     */
    void inject(Object spec, Object plugin) {
        if (!INJECTS.get(plugin.getClass())) {
            return;
        }
        try {
            injector.injectMembers(plugin);
        } catch (RuntimeException e) {
            if (!WiringErrors.isWiringError(e)) {
                throw e;
            }
            throw new PluginWiringException(label(spec, plugin) + " cannot be wired: " + WiringErrors.describe(e), e);
        }
    }

    private String label(Object spec, Object plugin) {
        for (PluginEntry e : catalog.entries()) {
            if (e.provider().specType() == spec.getClass()) {
                return e.label() + " (" + e.origin().describe() + ")";
            }
        }
        for (Kind k : Kind.values()) {
            if (k.specInterface().isInstance(spec)) {
                return k.label() + " plugin " + plugin.getClass().getName();
            }
        }
        return "plugin " + plugin.getClass().getName();
    }

    private static boolean annotated(AccessibleObject[] members) {
        for (AccessibleObject m : members) {
            if (m.isAnnotationPresent(jakarta.inject.Inject.class)
                    || m.isAnnotationPresent(com.google.inject.Inject.class)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class (or a superclass) declares an {@code @Inject} field or method. */
    static boolean injects(Class<?> type) {
        return INJECTS.get(type);
    }
}
