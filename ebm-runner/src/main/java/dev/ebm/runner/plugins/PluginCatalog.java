package dev.ebm.runner.plugins;

import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Provider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every provider the runner found, where each came from, and every jar that failed to load. Built from the
 * multibound set of {@link PluginEntry} and {@link PluginFailure}: providers whose type id is claimed twice in one
 * kind are refused (naming both jars), as are providers that misdeclare their spec; the rest make the
 * {@link #registry() registry}.
 */
public final class PluginCatalog {
    private final List<PluginEntry> entries;
    private final List<PluginFailure> failures;
    private final PluginRegistry registry;

    public PluginCatalog(Collection<PluginEntry> found, Collection<PluginFailure> loadFailures) {
        List<PluginFailure> fails = new ArrayList<>(loadFailures);
        List<PluginEntry> valid = new ArrayList<>();
        for (PluginEntry e : found) {
            String problem = problem(e);
            if (problem == null) {
                valid.add(e);
            } else {
                fails.add(new PluginFailure(e.origin().jar(), problem));
            }
        }
        valid.sort(Comparator.comparing((PluginEntry e) -> e.kind()).thenComparing(PluginEntry::type)
                .thenComparing(e -> e.origin().describe()));
        Map<String, List<PluginEntry>> byId = valid.stream().collect(Collectors.groupingBy(
                e -> e.kind().ordinal() + ":" + e.type(), LinkedHashMap::new, Collectors.toList()));
        List<PluginEntry> accepted = new ArrayList<>();
        for (List<PluginEntry> same : byId.values()) {
            if (same.size() == 1) {
                accepted.add(same.get(0));
                continue;
            }
            PluginEntry a = same.get(0);
            String who = same.stream().map(e -> e.origin().describe() + " (" + e.provider().getClass().getName() + ")")
                    .collect(Collectors.joining(" and "));
            PluginEntry blamed = same.stream().filter(e -> e.origin().fromPluginDirectory()).findFirst().orElse(a);
            fails.add(new PluginFailure(blamed.origin().jar(), "[Plugins/DuplicateType] two " + a.kind().label()
                    + " providers have type '" + a.type() + "': " + who + "; neither is loaded", Set.of(a.type())));
        }
        this.entries = List.copyOf(accepted);
        this.failures = List.copyOf(fails);
        this.registry = PluginRegistry.of(accepted.stream().<Provider<?, ?>>map(PluginEntry::provider).toList());
    }

    /** Why an entry cannot be registered (its type or spec declaration is broken), or null. */
    private static String problem(PluginEntry e) {
        Provider<?, ?> p = e.provider();
        try {
            String type = p.type();
            if (type == null || !type.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                return p.getClass().getName() + " declares an invalid type id '" + type + "'";
            }
            Class<?> spec = p.specType();
            if (spec == null || !e.kind().specInterface().isAssignableFrom(spec) || !spec.isRecord()) {
                return e.label() + " (" + p.getClass().getName() + ") declares spec " + (spec == null ? null
                        : spec.getName()) + ", which is not a record implementing "
                        + e.kind().specInterface().getSimpleName();
            }
            return null;
        } catch (RuntimeException | LinkageError x) {
            return p.getClass().getName() + " failed to declare its type or spec: " + ServiceScan.reason(x);
        }
    }

    /** The registry of every accepted provider. */
    public PluginRegistry registry() {
        return registry;
    }

    /** The accepted providers, by kind, then type id. */
    public List<PluginEntry> entries() {
        return entries;
    }

    /** Jars and providers that were not loaded, with the reason. */
    public List<PluginFailure> failures() {
        return failures;
    }

    /** The accepted entries of one kind. */
    public List<PluginEntry> entries(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /** The entry of a provider, or null. */
    public PluginEntry entryOf(Provider<?, ?> provider) {
        return entries.stream().filter(e -> e.provider() == provider).findFirst().orElse(null);
    }

    /**
     * The plugin-directory entry whose jar holds {@code className}, or null: how an error thrown inside plugin code
     * (a {@link LinkageError} from a plugin built against other versions) is traced back to its jar.
     */
    public PluginEntry pluginOfClass(String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        for (PluginEntry e : entries) {
            if (e.origin().fromPluginDirectory() && e.origin().packages().contains(pkg)) {
                return e;
            }
        }
        return null;
    }
}
