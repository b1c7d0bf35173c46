package dev.ebm.runner.explain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.ChainStart;
import dev.ebm.api.traits.TermRole;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which registered plugins, in their default configuration ({@code {type: ID}} with every default), declare a wanted
 * trait: explain's advice ("name it ...", "e.g. negatives: {type: ...}") names plugins found this way, never ids
 * written into the runner. Plugins whose spec has required fields, or whose declaration fails, are left out.
 */
final class Suggestions {
    private final PluginRegistry registry;
    private final SpecBinder binder;

    Suggestions(PluginRegistry registry) {
        this.registry = registry;
        this.binder = new SpecBinder(registry);
    }

    /** Type ids of the objective terms whose default role satisfies {@code wanted}, sorted. */
    List<String> terms(Predicate<TermRole> wanted) {
        List<String> out = new ArrayList<>();
        for (String id : registry.types(Kind.OBJECTIVE)) {
            try {
                ObjectiveSpec s = binder.bind(JsonNodeFactory.instance.objectNode().put("type", id),
                        ObjectiveSpec.class);
                if (wanted.test(registry.role(s))) {
                    out.add(id);
                }
            } catch (RuntimeException e) {
                // a term without a usable default is not suggested
            }
        }
        return out;
    }

    /** Type ids of the negative sources whose default chain start satisfies {@code wanted}, sorted. */
    List<String> sources(Predicate<ChainStart> wanted) {
        List<String> out = new ArrayList<>();
        for (String id : registry.types(Kind.NEGATIVES)) {
            try {
                NegativeSourceSpec s = binder.bind(JsonNodeFactory.instance.objectNode().put("type", id),
                        NegativeSourceSpec.class);
                if (wanted.test(registry.chainStart(s))) {
                    out.add(id);
                }
            } catch (RuntimeException e) {
                // a source without a usable default is not suggested
            }
        }
        return out;
    }

    /** "'a'" or "one of 'a', 'b'"; empty when there is none. */
    static String either(List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        List<String> quoted = ids.stream().map(i -> "'" + i + "'").toList();
        return ids.size() == 1 ? quoted.get(0) : "one of " + String.join(", ", quoted);
    }
}
