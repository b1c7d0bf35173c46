package dev.ebm.runner.plugins;

import dev.ebm.api.plugin.Kind;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a jar in a plugin directory is: a module (with its descriptor) or a plain jar, whether it provides any plugin
 * kind, which {@code ebm-api} version it was built against, and its packages.
 *
 * @param jar the file
 * @param module the module reference of a modular jar (one with {@code module-info.class}), or null for a plain jar
 * @param plugin whether it provides a plugin kind: {@code provides} in its descriptor, or
 *     {@code META-INF/services} entries for a plain jar; jars that do not are libraries for the plugins beside them
 * @param apiVersion the {@code ebm-api} version recorded at build time, or null
 * @param version the jar's own version (module version, else {@code Implementation-Version}), or null
 * @param packages the packages of its classes
 */
record PluginJar(Path jar, ModuleReference module, boolean plugin, String apiVersion, String version,
        Set<String> packages) {

    private static final String API_MODULE = "dev.ebm.api";

    boolean modular() {
        return module != null;
    }

    String moduleName() {
        return module == null ? null : module.descriptor().name();
    }

    /**
     * Reads a jar.
     *
     * @throws PluginLoadException when the jar cannot be read or its module descriptor is invalid
     */
    static PluginJar inspect(Path jar) throws PluginLoadException {
        boolean hasDescriptor;
        Manifest manifest;
        Set<String> packages = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            manifest = jf.getManifest();
            hasDescriptor = jf.getEntry("module-info.class") != null;
            for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements(); ) {
                String name = en.nextElement().getName();
                if (name.startsWith("META-INF/services/")) {
                    services.add(name.substring("META-INF/services/".length()));
                } else if (name.endsWith(".class") && name.indexOf('/') > 0 && !name.startsWith("META-INF/")) {
                    packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            throw new PluginLoadException("cannot read the jar: " + e.getMessage());
        }
        String implVersion = manifest == null ? null : manifest.getMainAttributes().getValue(
                Attributes.Name.IMPLEMENTATION_VERSION);
        if (!hasDescriptor) {
            boolean plugin = services.stream().anyMatch(PluginJar::isKindService);
            String api = manifest == null ? null : manifest.getMainAttributes().getValue(ApiVersion.MANIFEST_ATTRIBUTE);
            return new PluginJar(jar, null, plugin, api, implVersion, packages);
        }
        ModuleReference ref;
        try {
            ref = ModuleFinder.of(jar).findAll().iterator().next();
        } catch (FindException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PluginLoadException("bad module descriptor: " + cause.getMessage());
        }
        ModuleDescriptor d = ref.descriptor();
        boolean plugin = d.provides().stream().anyMatch(p -> isKindService(p.service()));
        String api = d.requires().stream().filter(r -> r.name().equals(API_MODULE)).findFirst()
                .flatMap(ModuleDescriptor.Requires::rawCompiledVersion).orElse(null);
        String version = d.rawVersion().orElse(implVersion);
        return new PluginJar(jar, ref, plugin, api, version, d.packages());
    }

    private static boolean isKindService(String name) {
        for (Kind k : Kind.values()) {
            if (k.service().getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
