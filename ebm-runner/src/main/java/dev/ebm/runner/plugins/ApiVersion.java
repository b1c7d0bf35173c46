package dev.ebm.runner.plugins;

import dev.ebm.api.plugin.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Versions of {@code ebm-api}: the one this runner runs with, and the check that a plugin was built against the same
 * major version.
 */
public final class ApiVersion {
    /** The manifest attribute a plain (non-modular) plugin jar records its {@code ebm-api} version in. */
    public static final String MANIFEST_ATTRIBUTE = "Ebm-Api-Version";

    private ApiVersion() {}

    /**
     * The version of the {@code ebm-api} this runner runs with: its module version (javac records it from Maven's
     * {@code --module-version}), else the version in its jar's Maven properties, else null.
     */
    public static String runtime() {
        Module api = Provider.class.getModule();
        if (api.getDescriptor() != null && api.getDescriptor().rawVersion().isPresent()) {
            return api.getDescriptor().rawVersion().get();
        }
        try (InputStream in = Provider.class.getResourceAsStream("/META-INF/maven/dev.ebm/ebm-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version");
            }
        } catch (IOException e) {
            // no version recorded
        }
        return null;
    }

    /** The leading number of a version ({@code 0} for {@code 0.1.0-SNAPSHOT}), or -1 when it has none. */
    public static int major(String version) {
        if (version == null) {
            return -1;
        }
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 9) {
            return -1;
        }
        return Integer.parseInt(version.substring(0, end));
    }

    /**
     * Why a plugin built against {@code built} cannot run with {@code runtime}, or null when it can (same major
     * version, or either version unknown).
     */
    public static String incompatibility(String built, String runtime) {
        int b = major(built);
        int r = major(runtime);
        if (b < 0 || r < 0 || b == r) {
            return null;
        }
        return "built against ebm-api " + built + ", but this runner has ebm-api " + runtime
                + " (major versions " + b + " and " + r + " differ); rebuild the plugin against ebm-api " + runtime;
    }
}
