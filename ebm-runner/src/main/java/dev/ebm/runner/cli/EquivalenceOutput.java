package dev.ebm.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.estimators.unified.Equivalence;
import dev.ebm.runner.logz.LogZRun;
import java.util.Locale;

/** What {@code bin/ebm logz --equivalence} prints: a table, or JSON with {@code --json}. */
final class EquivalenceOutput {
    private EquivalenceOutput() {}

    /**
     * {@code {"energy", "samples", "truth" or "grid_log_z", "equivalences": [{"relation", "left", "left_log_z",
     * "right", "right_log_z", "difference", "stderr", "setup"}]}}.
     */
    static String json(LogZRun.EquivalenceResult r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("energy", r.energy());
        o.put("samples", r.samples());
        if (r.truth() != null) {
            o.put("truth", r.truth());
        }
        if (r.gridLogZ() != null) {
            o.put("grid_log_z", r.gridLogZ());
        }
        ArrayNode rows = o.putArray("equivalences");
        for (Equivalence e : r.rows()) {
            ObjectNode row = rows.addObject();
            row.put("relation", e.relation());
            row.put("left", e.left());
            row.put("left_log_z", e.leftLogZ());
            row.put("right", e.right());
            row.put("right_log_z", e.rightLogZ());
            row.put("difference", e.difference());
            row.put("stderr", e.stderr());
            row.put("setup", e.setup());
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String table(LogZRun.EquivalenceResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("equivalences on the ").append(r.energy()).append(" energy (").append(r.samples());
        if (r.truth() != null) {
            sb.append(String.format(Locale.ROOT, "; exact log Z %.6f", r.truth()));
        } else if (r.gridLogZ() != null) {
            sb.append(String.format(Locale.ROOT, "; grid log Z %.6f", r.gridLogZ()));
        }
        sb.append(")\n");
        for (Equivalence e : r.rows()) {
            sb.append(String.format(Locale.ROOT, "%-70s %-17s %.10f  %-15s %.10f  diff %+.1e  stderr %.4f%n",
                    e.relation(), e.left(), e.leftLogZ(), e.right(), e.rightLogZ(), e.difference(), e.stderr()));
        }
        return sb.toString();
    }
}
