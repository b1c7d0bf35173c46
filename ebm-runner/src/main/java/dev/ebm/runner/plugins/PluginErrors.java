package dev.ebm.runner.plugins;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traces an error thrown while a plugin ran back to the plugin's jar, so that it reaches the user as one sentence
 * naming the plugin and the versions involved, not as a stack trace.
 */
public final class PluginErrors {
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:[./][A-Za-z_$][\\w$]*)+");

    private PluginErrors() {}

    /** The plugin-directory entry an error came from (by its stack frames or the classes its message names), or null. */
    public static PluginEntry source(PluginCatalog catalog, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (String name : classNames(t)) {
                PluginEntry e = catalog.pluginOfClass(name);
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    private static Set<String> classNames(Throwable t) {
        Set<String> names = new LinkedHashSet<>();
        if (t.getMessage() != null) {
            Matcher m = CLASS_NAME.matcher(t.getMessage());
            while (m.find()) {
                names.add(m.group().replace('/', '.'));
            }
        }
        for (StackTraceElement f : t.getStackTrace()) {
            names.add(f.getClassName());
        }
        return names;
    }

    /**
     * The message for a {@link LinkageError} (e.g. {@link AbstractMethodError}, {@link NoSuchMethodError}) raised by
     * or through a plugin built against other versions, or null when no plugin of a plugin directory is involved.
     */
    public static String linkage(PluginCatalog catalog, LinkageError error) {
        PluginEntry e = source(catalog, error);
        if (e == null) {
            return null;
        }
        String runtime = ApiVersion.runtime();
        String built = e.origin().apiVersion();
        String cause = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (built != null && built.equals(runtime)) {
            return e.label() + " from " + e.origin().describe() + " is incompatible with the classes it runs with ("
                    + cause + "): it was built against ebm-api " + built + ", as this runner has, so a library it "
                    + "uses differs from the one it was compiled against; rebuild it against the jars it runs with";
        }
        return e.label() + " from " + e.origin().describe() + " is incompatible with this runner: it was built "
                + "against ebm-api " + (built == null ? "(unrecorded)" : built) + " and this runner has ebm-api "
                + runtime + " (" + cause + "); rebuild the plugin against ebm-api " + runtime;
    }

    /**
     * The message for any other error raised inside plugin code of a plugin directory, or null: the jar, the plugin
     * method that raised it (its first frame in the jar) and the error, without a stack trace.
     */
    public static String failure(PluginCatalog catalog, Throwable error) {
        for (StackTraceElement f : error.getStackTrace()) {
            PluginEntry e = catalog.pluginOfClass(f.getClassName());
            if (e != null) {
                return "plugin " + e.origin().jarName() + " (" + (e.origin().module() == null ? e.origin().source()
                        : "module " + e.origin().module()) + ") failed in " + f.getClassName() + "."
                        + f.getMethodName() + ": " + error.getClass().getSimpleName()
                        + (error.getMessage() == null ? "" : ": " + error.getMessage());
            }
        }
        return null;
    }
}
