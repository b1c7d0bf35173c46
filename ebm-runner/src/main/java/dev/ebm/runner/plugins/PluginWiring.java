package dev.ebm.runner.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Provider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plugin part of the runner's Guice wiring. Each source of providers contributes its {@link PluginEntry}s (and
 * its {@link PluginFailure}s) to a multibinding: the module path and class path (ServiceLoader), or a fixed set of
 * providers, and each plugin directory (a {@link ModuleLayer} or a class loader per jar). The
 * {@link PluginCatalog} and the {@link PluginRegistry} are built from the multibound sets.
 */
public final class PluginWiring extends AbstractModule {
    private final List<Provider<?, ?>> fixed;
    private final PluginDirectories directories;

    /**
     * @param fixed the providers to use instead of those ServiceLoader finds on the module and class path (tests,
     *     embedding), or null
     * @param directories the plugin directories of the command line
     */
    public PluginWiring(List<Provider<?, ?>> fixed, PluginDirectories directories) {
        this.fixed = fixed == null ? null : List.copyOf(fixed);
        this.directories = directories;
    }

    @Override
    protected void configure() {
        Multibinder<PluginEntry> entries = Multibinder.newSetBinder(binder(), PluginEntry.class);
        Multibinder<PluginFailure> failures = Multibinder.newSetBinder(binder(), PluginFailure.class)
                .permitDuplicates();
        List<PluginLoader.Result> sources = new ArrayList<>();
        sources.add(fixed == null ? BuiltinPlugins.find() : fixedEntries(fixed));
        sources.add(new PluginLoader().load(directories.all()));
        for (PluginLoader.Result r : sources) {
            r.entries().forEach(e -> entries.addBinding().toInstance(e));
            r.failures().forEach(f -> failures.addBinding().toInstance(f));
        }
        bind(PluginDirectories.class).toInstance(directories);
    }

    private static PluginLoader.Result fixedEntries(List<Provider<?, ?>> providers) {
        List<PluginEntry> out = new ArrayList<>();
        for (Provider<?, ?> p : providers) {
            for (Kind k : Kind.values()) {
                if (k.service().isInstance(p)) {
                    out.add(new PluginEntry(k, p, BuiltinPlugins.origin(p)));
                }
            }
        }
        return new PluginLoader.Result(out, List.of());
    }

    @Provides
    @Singleton
    PluginCatalog catalog(Set<PluginEntry> entries, Set<PluginFailure> failures) {
        return new PluginCatalog(entries, failures);
    }

    @Provides
    @Singleton
    PluginRegistry registry(PluginCatalog catalog) {
        return catalog.registry();
    }
}
