package dev.ebm.runner.plugins;

import dev.ebm.api.plugin.Provider;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loads the plugin jars of plugin directories. A modular jar that provides a plugin kind gets a {@link ModuleLayer}
 * of its own, resolved against the layer of {@code dev.ebm.api} (the boot layer under {@code bin/ebm}) with the
 * other jars of its directory as possible dependencies; its modules are made to read the unnamed module where ND4J
 * lives, through the layer's controller. A plain jar gets a {@link URLClassLoader} of its own (its manifest's
 * {@code Class-Path} names its libraries). Providers are found with {@link ServiceLoader} on each.
 *
 * <p>Every jar loads or fails on its own: a bad descriptor, a missing module, a provider whose constructor throws,
 * or a different major {@code ebm-api} version becomes a {@link PluginFailure} naming the jar, and the other jars
 * still load.
 */
public final class PluginLoader {
    private final String runtimeApi;
    private final ModuleLayer parentLayer;
    private final ClassLoader parentLoader;
    private final Module nd4j;

    /** A loader for plugins of the {@code ebm-api} this runner runs with. */
    public PluginLoader() {
        this(ApiVersion.runtime());
    }

    /** A loader that checks plugins against {@code runtimeApi} (tests). */
    public PluginLoader(String runtimeApi) {
        this.runtimeApi = runtimeApi;
        Module api = Provider.class.getModule();
        this.parentLayer = api.isNamed() ? api.getLayer() : null;
        this.parentLoader = Provider.class.getClassLoader();
        this.nd4j = INDArray.class.getModule();
    }

    /** What loading found: the providers, and the jars (or directories) that failed. */
    public record Result(List<PluginEntry> entries, List<PluginFailure> failures) {}

    /** Loads every jar of every directory, in order (jars of a directory by file name). */
    public Result load(List<Path> directories) {
        List<PluginEntry> entries = new ArrayList<>();
        List<PluginFailure> failures = new ArrayList<>();
        for (Path dir : directories) {
            loadDirectory(dir, entries, failures);
        }
        return new Result(List.copyOf(entries), List.copyOf(failures));
    }

    private void loadDirectory(Path dir, List<PluginEntry> entries, List<PluginFailure> failures) {
        if (!Files.isDirectory(dir)) {
            failures.add(new PluginFailure(dir, "no such plugin directory"));
            return;
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            failures.add(new PluginFailure(dir, "cannot list the plugin directory: " + e.getMessage()));
            return;
        }
        List<PluginJar> inspected = new ArrayList<>();
        for (Path jar : jars) {
            try {
                inspected.add(PluginJar.inspect(jar));
            } catch (PluginLoadException e) {
                failures.add(new PluginFailure(jar, e.getMessage()));
            }
        }
        boolean layers = parentLayer != null;
        Path[] modular = inspected.stream().filter(j -> layers && j.modular()).map(PluginJar::jar)
                .toArray(Path[]::new);
        ModuleFinder finder = ModuleFinder.of(modular);
        for (PluginJar jar : inspected) {
            if (!jar.plugin()) {
                continue; // a library: resolved as a dependency of the plugins beside it
            }
            try {
                String incompatible = ApiVersion.incompatibility(jar.apiVersion(), runtimeApi);
                if (incompatible != null) {
                    throw new PluginLoadException(incompatible);
                }
                entries.addAll(layers && jar.modular() ? loadModule(jar, finder) : loadPlain(jar));
            } catch (PluginLoadException e) {
                failures.add(new PluginFailure(jar.jar(), e.getMessage()));
            }
        }
    }

    private List<PluginEntry> loadModule(PluginJar jar, ModuleFinder finder) throws PluginLoadException {
        String name = jar.moduleName();
        Configuration cf;
        try {
            cf = parentLayer.configuration().resolve(finder, ModuleFinder.of(), Set.of(name));
        } catch (FindException e) {
            throw new PluginLoadException("missing dependency: " + e.getMessage());
        } catch (ResolutionException e) {
            throw new PluginLoadException("cannot resolve module " + name + ": " + e.getMessage());
        }
        ModuleLayer.Controller controller;
        try {
            controller = ModuleLayer.defineModulesWithOneLoader(cf, List.of(parentLayer), parentLoader);
        } catch (RuntimeException e) {
            throw new PluginLoadException("cannot define module " + name + ": " + e.getMessage());
        }
        ModuleLayer layer = controller.layer();
        for (Module m : layer.modules()) {
            controller.addReads(m, nd4j);
        }
        PluginOrigin origin = new PluginOrigin("plugin layer", jar.jar(), name, jar.version(), jar.apiVersion(),
                jar.packages());
        List<ServiceScan.Found> found = ServiceScan.scan(k -> ServiceLoader.load(layer, k.service()),
                c -> c.getModule().getLayer() == layer);
        return found.stream().map(f -> new PluginEntry(f.kind(), f.provider(), origin)).toList();
    }

    private List<PluginEntry> loadPlain(PluginJar jar) throws PluginLoadException {
        URL url;
        try {
            url = jar.jar().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginLoadException("bad path: " + e.getMessage());
        }
        URLClassLoader loader = new URLClassLoader("plugin:" + jar.jar().getFileName(), new URL[] {url},
                parentLoader);
        PluginOrigin origin = new PluginOrigin("plugin class loader", jar.jar(), null, jar.version(),
                jar.apiVersion(), jar.packages());
        List<ServiceScan.Found> found = ServiceScan.scan(k -> ServiceLoader.load(k.service(), loader),
                c -> c.getClassLoader() == loader);
        return found.stream().map(f -> new PluginEntry(f.kind(), f.provider(), origin)).toList();
    }
}
