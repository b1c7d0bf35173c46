package dev.ebm.runner;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Provider;
import dev.ebm.runner.plugins.PluginDirectories;
import dev.ebm.runner.plugins.PluginWiring;
import dev.ebm.runner.wiring.RunOverrides;
import java.util.ArrayList;
import java.util.List;

/**
 * Guice wiring of the runner: the plugins (multibound from the module path, the class path and each plugin
 * directory's layers, see {@link PluginWiring}), the registry built from them, and everything built on it (spec
 * loader, commands, {@link dev.ebm.runner.wiring.Runs runs}) by constructor injection. Each run gets a child injector
 * ({@link dev.ebm.runner.wiring.RunWiring}).
 */
public final class RunnerWiring extends AbstractModule {
    private final PluginRegistry registry;
    private final PluginDirectories directories;
    private final List<Module> runOverrides;

    /** Wiring over the plugins ServiceLoader finds. */
    public RunnerWiring() {
        this(null);
    }

    /** Wiring over a given registry (tests, embedding); null means ServiceLoader. */
    public RunnerWiring(PluginRegistry registry) {
        this(registry, PluginDirectories.none(), List.of());
    }

    private RunnerWiring(PluginRegistry registry, PluginDirectories directories, List<Module> runOverrides) {
        this.registry = registry;
        this.directories = directories;
        this.runOverrides = List.copyOf(runOverrides);
    }

    /** This wiring with plugins also loaded from {@code directories}. */
    public RunnerWiring withPlugins(PluginDirectories directories) {
        return new RunnerWiring(registry, directories, runOverrides);
    }

    /** This wiring with every run's bindings overridden by {@code modules} (Guice's {@code Modules.override}). */
    public RunnerWiring overridingRuns(Module... modules) {
        List<Module> all = new ArrayList<>(runOverrides);
        all.addAll(List.of(modules));
        return new RunnerWiring(registry, directories, all);
    }

    @Override
    protected void configure() {
        install(new PluginWiring(registry == null ? null : providers(registry), directories));
        bind(RunOverrides.class).toInstance(new RunOverrides(runOverrides));
    }

    private static List<Provider<?, ?>> providers(PluginRegistry r) {
        List<Provider<?, ?>> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.addAll(r.providers(k).values());
        }
        return out;
    }
}
