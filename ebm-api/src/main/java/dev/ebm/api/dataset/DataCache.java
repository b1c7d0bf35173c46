package dev.ebm.api.dataset;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The directory where fetched data sets live, one sub-directory per {@link Dataset#name()} holding its decompressed
 * files. The root is, in order: the system property {@value #PROPERTY} (tests, embedding), the environment variable
 * {@value #ENV}, or {@code $XDG_CACHE_HOME/ebm} with {@code XDG_CACHE_HOME} defaulting to {@code ~/.cache}. Other
 * per-data-set artefacts (a classifier trained on it) belong in the same sub-directory.
 */
public final class DataCache {
    /** The system property that overrides the root. */
    public static final String PROPERTY = "ebm.data";
    /** The environment variable that sets the root. */
    public static final String ENV = "EBM_DATA";

    private DataCache() {}

    /** The cache root as configured now (not created). */
    public static Path root() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Paths.get(p).toAbsolutePath();
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Paths.get(env).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg)
                : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("ebm").toAbsolutePath();
    }

    /** Where the root comes from, for messages: {@code -Debm.data}, {@code EBM_DATA} or the default. */
    public static String rootOrigin() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return "system property " + PROPERTY;
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return "EBM_DATA";
        }
        return "default; set EBM_DATA to move it";
    }
}
