package dev.ebm.runner.spec;

import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.plugins.PluginFailure;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Adds to an "unknown type" problem why a plugin that might have provided the type did not load: the jar that
 * claimed the id when the id is known (two jars claimed it), else every plugin jar that failed to load.
 */
final class UnloadedPlugins {
    private static final Pattern UNKNOWN = Pattern.compile("^unknown '([^']*)'");

    private UnloadedPlugins() {}

    static SpecProblem explain(SpecProblem p, List<PluginFailure> failures) {
        if (failures.isEmpty() || !(p.path().equals("type") || p.path().endsWith(".type"))) {
            return p;
        }
        Matcher m = UNKNOWN.matcher(p.message());
        if (!m.find()) {
            return p;
        }
        String id = m.group(1);
        List<PluginFailure> claimed = failures.stream().filter(f -> f.types().contains(id)).toList();
        if (!claimed.isEmpty()) {
            return new SpecProblem(p.path(), "'" + id + "' did not load: " + claimed.stream()
                    .map(PluginFailure::describe).collect(Collectors.joining("; ")));
        }
        List<PluginFailure> unknown = failures.stream().filter(f -> f.types().isEmpty()).toList();
        if (unknown.isEmpty()) {
            return p;
        }
        return new SpecProblem(p.path(), p.message() + "; " + (unknown.size() == 1 ? "a plugin jar" : unknown.size()
                + " plugin jars") + " did not load and may provide it: " + unknown.stream()
                .map(PluginFailure::describe).collect(Collectors.joining("; ")));
    }
}
