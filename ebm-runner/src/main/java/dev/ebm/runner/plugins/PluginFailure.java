package dev.ebm.runner.plugins;

import java.nio.file.Path;
import java.util.Set;

/**
 * A plugin jar (or provider) that was not loaded, and why. Failures never stop the other plugins from loading; a
 * spec fails only if it names a type this failure took away.
 *
 * @param jar the jar (or directory) that failed
 * @param reason why, in one sentence that names the cause (bad descriptor, missing module, constructor exception,
 *     API version, duplicate id)
 * @param types the type ids known to be affected (for example the id two jars both claimed), empty when the jar
 *     failed before its providers could say what they provide
 */
public record PluginFailure(Path jar, String reason, Set<String> types) {

    public PluginFailure {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public PluginFailure(Path jar, String reason) {
        this(jar, reason, Set.of());
    }

    /** {@code file.jar: reason}. */
    public String describe() {
        return (jar == null ? "?" : jar.getFileName()) + ": " + reason;
    }
}
