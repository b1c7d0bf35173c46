package dev.ebm.runner.cli;

import dev.ebm.api.plugin.Kind;
import dev.ebm.runner.plugins.PluginCatalog;
import dev.ebm.runner.plugins.PluginEntry;
import dev.ebm.runner.plugins.PluginFailure;
import dev.ebm.runner.plugins.PluginOrigin;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/ebm plugins [--verbose]}: every provider by kind (type id, module, version, jar), then the plugin jars
 * that did not load and why. Exit code 1 when some jar did not load.
 */
@Command(name = "plugins", description = "List the available plugins by kind (type id, module, version, jar) and "
        + "the plugin jars that did not load.")
public final class PluginsCommand implements Callable<Integer> {
    private final PluginCatalog catalog;

    @Option(names = "--verbose", description = "Also print each provider's description, class, ebm-api version "
            + "and spec fields.")
    boolean verbose;

    @Inject
    PluginsCommand(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        print(catalog, verbose, System.out);
        return catalog.failures().isEmpty() ? 0 : 1;
    }

    /** The listing. */
    public static void print(PluginCatalog catalog, boolean verbose, PrintStream out) {
        for (Kind kind : Kind.values()) {
            List<PluginEntry> entries = catalog.entries(kind);
            out.println(kind.label() + ":");
            if (entries.isEmpty()) {
                out.println("  (none)");
            }
            for (PluginEntry e : entries) {
                PluginOrigin o = e.origin();
                out.printf("  %-18s %-26s %-16s %s%n", e.type(), o.module() == null ? "-" : o.module(),
                        o.version() == null ? "-" : o.version(), o.jarName());
                if (verbose) {
                    String pad = " ".repeat(21);
                    if (!e.provider().description().isBlank()) {
                        out.println(pad + e.provider().description());
                    }
                    out.println(pad + "class " + e.provider().getClass().getName() + ", built against ebm-api "
                            + (o.apiVersion() == null ? "(unrecorded)" : o.apiVersion()) + ", from " + o.source()
                            + (o.jar() == null ? "" : " " + o.jar()));
                    out.println(pad + "spec " + fields(e.provider().specType()));
                }
            }
        }
        List<PluginFailure> failures = catalog.failures();
        if (!failures.isEmpty()) {
            out.println();
            out.println("plugin jars that did not load (" + failures.size() + "):");
            for (PluginFailure f : failures) {
                out.println("  ! " + (verbose && f.jar() != null ? f.jar() + ": " + f.reason() : f.describe()));
            }
        }
    }

    /** {@code {type, field: Type, ...}}: the keys a spec of this record takes. */
    static String fields(Class<?> spec) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        j.add("type");
        if (spec.isRecord()) {
            for (RecordComponent rc : spec.getRecordComponents()) {
                j.add(rc.getName() + ": " + simple(rc.getGenericType()));
            }
        }
        return j.toString();
    }

    private static String simple(Type t) {
        return t.getTypeName().replaceAll("(?:[a-z0-9_]+\\.)+([A-Z])", "$1");
    }
}
