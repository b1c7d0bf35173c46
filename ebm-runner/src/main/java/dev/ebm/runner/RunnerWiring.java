package dev.ebm.runner;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.ebm.api.plugin.PluginRegistry;
import jakarta.inject.Singleton;

/**
 * Guice wiring of the runner: the plugin registry found by ServiceLoader, and everything built on it (spec
 * loader, commands) by constructor injection.
 */
public final class RunnerWiring extends AbstractModule {
    private final PluginRegistry registry;

    /** Wiring over the plugins ServiceLoader finds. */
    public RunnerWiring() {
        this(null);
    }

    /** Wiring over a given registry (tests, embedding); null means ServiceLoader. */
    public RunnerWiring(PluginRegistry registry) {
        this.registry = registry;
    }

    @Provides
    @Singleton
    PluginRegistry registry() {
        return registry != null ? registry : PluginRegistry.load();
    }
}
