package dev.ebm.runner.plugins;

import dev.ebm.api.plugin.Provider;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The providers on the module path and the class path (the built-in plugin modules, and any plugin a user put
 * there), found with {@link ServiceLoader}. A provider seen twice (as a module and through its
 * {@code META-INF/services} file) counts once.
 */
public final class BuiltinPlugins {
    private BuiltinPlugins() {}

    /** Every provider visible to the runner's class loader, with its origin. */
    public static PluginLoader.Result find() {
        ClassLoader loader = BuiltinPlugins.class.getClassLoader();
        List<PluginEntry> entries = new ArrayList<>();
        List<PluginFailure> failures = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        try {
            for (ServiceScan.Found f : ServiceScan.scan(k -> ServiceLoader.load(k.service(), loader), c -> true)) {
                if (seen.add(f.provider().getClass())) {
                    entries.add(new PluginEntry(f.kind(), f.provider(), origin(f.provider())));
                }
            }
        } catch (PluginLoadException e) {
            failures.add(new PluginFailure(Path.of("(module path)"), e.getMessage()));
        }
        return new PluginLoader.Result(List.copyOf(entries), List.copyOf(failures));
    }

    /** Where a provider on the module path or class path came from. */
    public static PluginOrigin origin(Provider<?, ?> p) {
        Class<?> c = p.getClass();
        Module m = c.getModule();
        ModuleDescriptor d = m.getDescriptor();
        String version = d != null && d.rawVersion().isPresent() ? d.rawVersion().get()
                : c.getPackage().getImplementationVersion();
        String api = d == null ? null : d.requires().stream().filter(r -> r.name().equals("dev.ebm.api"))
                .findFirst().flatMap(ModuleDescriptor.Requires::rawCompiledVersion).orElse(null);
        return new PluginOrigin(m.isNamed() ? "module path" : "class path", location(c),
                m.isNamed() ? m.getName() : null, version, api, Set.of());
    }

    private static Path location(Class<?> c) {
        CodeSource src = c.getProtectionDomain().getCodeSource();
        if (src == null || src.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(src.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
