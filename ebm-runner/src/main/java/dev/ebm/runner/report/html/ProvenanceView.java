package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code provenance.json} as tables: the run's own facts (seed, dtype, git commit, command), the plugins with their
 * versions, and every other object (JVM, native build) flattened into key-value rows.
 */
public final class ProvenanceView {
    private ProvenanceView() {}

    /** The provenance section; {@code prov} may be null. */
    public static Page.Section section(JsonNode prov) {
        Page.SectionBuilder s = new Page.SectionBuilder("provenance", "Provenance (provenance.json)");
        if (prov == null) {
            s.add(Page.Block.missing("No provenance.json."));
            return s.build();
        }
        Table.Builder facts = Table.keyValue("provenance-run", null, "", "");
        Iterator<Map.Entry<String, JsonNode>> it = prov.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.isObject()) {
                facts.row(e.getKey(), v.isArray() && !Flatten.isNumberArray(v) ? join(v) : Fmt.value(v));
            }
        }
        s.add(Page.Block.table(facts.build()));
        JsonNode plugins = prov.path("plugins");
        if (plugins.isObject()) {
            Table.Builder t = Table.of("provenance-plugins", null, List.of("kind", "type", "version", "class"));
            plugins.fields().forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(p -> t.row(
                    List.of(Table.Cell.text(kind.getKey()), Table.Cell.text(p.getKey()),
                            Table.Cell.text(p.getValue().path("version").asText(Fmt.NONE)),
                            Table.Cell.text(p.getValue().path("class").asText(Fmt.NONE))))));
            s.add(Page.Block.table("Plugins", t.build()));
        }
        prov.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && !e.getKey().equals("plugins")) {
                Table.Builder t = Table.keyValue("provenance-" + EvalView.anchor(e.getKey()), null, "", "");
                Flatten.leaves(e.getValue()).forEach((k, v) -> t.row(List.of(Table.Cell.text(k),
                        Table.Cell.text(v.isTextual() ? v.asText() : Fmt.value(v)))));
                s.add(Page.Block.table(heading(e.getKey()), t.build()));
            }
        });
        return s.build();
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
