package dev.ebm.runner.plugins;

import java.nio.file.Path;
import java.util.Set;

/**
 * Where a provider was loaded from.
 *
 * @param source {@code module path}, {@code class path} or {@code plugin layer} / {@code plugin class loader}
 * @param jar the jar the provider's class came from, or null when unknown (classes directories, the JDK)
 * @param module the provider's module name, or null for plain jars and the class path
 * @param version the plugin's version (its module version, or its manifest's {@code Implementation-Version}), or
 *     null when it records none
 * @param apiVersion the {@code ebm-api} version the plugin was built against, or null when it records none
 * @param packages the packages of the plugin's jar (used to tell which plugin a linkage error came from); empty for
 *     built-in providers
 */
public record PluginOrigin(String source, Path jar, String module, String version, String apiVersion,
        Set<String> packages) {

    public PluginOrigin {
        packages = packages == null ? Set.of() : Set.copyOf(packages);
    }

    /** Whether the provider came from a plugin directory ({@code --plugins}, {@code EBM_PLUGINS}, beside a spec). */
    public boolean fromPluginDirectory() {
        return source.startsWith("plugin");
    }

    /** The jar's file name, or the source when there is no jar. */
    public String jarName() {
        return jar == null ? "(" + source + ")" : String.valueOf(jar.getFileName());
    }

    /** A short description for messages: the jar, or the module, or the source. */
    public String describe() {
        if (jar != null) {
            return jar.toString();
        }
        return module != null ? "module " + module : source;
    }
}
