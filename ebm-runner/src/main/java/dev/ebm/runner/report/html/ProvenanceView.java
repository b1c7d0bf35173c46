package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code provenance.json} as tables: the run's own facts (seed, dtype, git commit, command), the plugins with their
 * versions, and every other object (JVM, native build) flattened into key-value rows.
 */
public final class ProvenanceView {
    private ProvenanceView() {}

    /**
     * The provenance section.
     *
     * @param prov {@code provenance.json}; may be null
     * @param spec the resolved spec, to mark the plugins the run uses; may be null
     */
    public static Page.Section section(JsonNode prov, JsonNode spec) {
        Page.SectionBuilder s = new Page.SectionBuilder("provenance", "Provenance (provenance.json)");
        if (prov == null) {
            s.add(Page.Block.missing("No provenance.json."));
            return s.build();
        }
        Table.Builder facts = Table.keyValue("provenance-run", null, "", "");
        for (Map.Entry<String, JsonNode> e : prov.properties()) {
            JsonNode v = e.getValue();
            if (!v.isObject()) {
                facts.row(e.getKey(), v.isArray() && !Flatten.isNumberArray(v) ? join(v) : Fmt.value(v));
            }
        }
        s.add(Page.Block.table(facts.build()));
        JsonNode plugins = prov.path("plugins");
        if (plugins.isObject()) {
            Set<String> used = spec == null ? Set.of() : usedPlugins(spec);
            Table.Builder t = Table.of("provenance-plugins", null, List.of("kind", "type", "version", "class",
                    "used by this run"));
            for (boolean firstUsed : new boolean[] {true, false}) {
                plugins.properties().forEach(kind -> kind.getValue().properties().forEach(p -> {
                    boolean isUsed = used.contains(kind.getKey() + ":" + p.getKey());
                    if (isUsed == firstUsed) {
                        t.row(List.of(Table.Cell.text(kind.getKey()), Table.Cell.text(p.getKey()),
                                Table.Cell.text(p.getValue().path("version").asText(Fmt.NONE)),
                                Table.Cell.text(p.getValue().path("class").asText(Fmt.NONE)),
                                Table.Cell.text(isUsed ? "yes" : "")));
                    }
                }));
            }
            s.add(Page.Block.table("Plugins (those the run uses first)", t.build()));
        }
        prov.properties().forEach(e -> {
            if (e.getValue().isObject() && !e.getKey().equals("plugins")) {
                Table.Builder t = Table.keyValue("provenance-" + EvalView.anchor(e.getKey()), null, "", "");
                Flatten.leaves(e.getValue()).forEach((k, v) -> t.row(List.of(Table.Cell.text(k),
                        Table.Cell.text(v.isTextual() ? v.asText() : Fmt.value(v)))));
                s.add(Page.Block.table(heading(e.getKey()), t.build()));
            }
        });
        return s.build();
    }

    /**
     * The plugins a resolved spec names, as {@code kind:type}: the top-level sections' {@code type}s under their
     * kind, a nested {@code kernel} under its parent's kind, entries of {@code transitions} as transitions.
     */
    static Set<String> usedPlugins(JsonNode spec) {
        Set<String> used = new HashSet<>();
        Map<String, String> kinds = Map.of("data", "data", "energy", "energy", "negatives", "negatives", "sampler",
                "sampler", "objective", "objective", "optimizer", "optimizer");
        kinds.forEach((field, kind) -> collect(spec.path(field), kind, used));
        return used;
    }

    private static void collect(JsonNode n, String kind, Set<String> used) {
        if (n.isArray()) {
            n.forEach(e -> collect(e, kind, used));
        } else if (n.isObject()) {
            if (n.path("type").isTextual()) {
                used.add(kind + ":" + n.get("type").asText());
            }
            n.properties().forEach(e -> {
                if (e.getKey().equals("transitions")) {
                    collect(e.getValue(), "transition", used);
                } else if (e.getValue().isContainerNode()) {
                    collect(e.getValue(), kind, used);
                }
            });
        }
    }

    private static String heading(String key) {
        return switch (key) {
            case "jvm" -> "JVM";
            case "native" -> "Native build";
            default -> key;
        };
    }

    private static String join(JsonNode array) {
        StringBuilder b = new StringBuilder();
        for (JsonNode e : array) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(e.isTextual() ? e.asText() : e.toString());
        }
        return b.toString();
    }
}
