package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Training curves from {@code metrics.jsonl} lines: which quantities share a chart, and the x/y arrays of a metric.
 * Nested objects (per-term losses under {@code terms}) are flattened into dotted keys ({@code terms.0:ml}).
 */
public final class Curves {
    private static final int MAX_OTHER = 8;

    /** A chart: its title and the metric keys drawn on it. */
    public record Group(String title, List<String> keys) {}

    private Curves() {}

    /**
     * The charts for a run: loss; mean energies of data and negatives; gradient norm; acceptance and swap rates;
     * per-term losses; then up to eight further logged quantities, one chart each. Groups with no logged key are
     * left out; {@code step} and {@code wall_s} are not drawn.
     */
    public static List<Group> groups(List<JsonNode> metrics) {
        Set<String> keys = keys(metrics);
        keys.remove("step");
        keys.remove("wall_s");
        List<Group> out = new ArrayList<>();
        take(out, keys, "Loss", k -> k.equals("loss"));
        take(out, keys, "Mean energy of data (e_pos) and negatives (e_neg)", k -> k.equals("e_pos")
                || k.equals("e_neg"));
        take(out, keys, "Gradient norm (L2, parameters)", k -> k.equals("grad_norm"));
        take(out, keys, "Acceptance and swap rates", k -> k.startsWith("accept_rate") || k.startsWith("swap_rate"));
        take(out, keys, "Per-term losses", k -> k.startsWith("terms."));
        int n = 0;
        for (String k : List.copyOf(keys)) {
            if (n++ >= MAX_OTHER) {
                break;
            }
            take(out, keys, k, k::equals);
        }
        return out;
    }

    /** The numeric keys logged in any line, flattened, in first-seen order. */
    public static Set<String> keys(List<JsonNode> metrics) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode line : metrics) {
            Flatten.leaves(line).forEach((k, v) -> {
                if (v.isNumber()) {
                    keys.add(k);
                }
            });
        }
        return keys;
    }

    /** The lines of a group, one per key. */
    public static List<Charts.Line> lines(List<JsonNode> metrics, Group g) {
        List<Charts.Line> out = new ArrayList<>();
        for (String k : g.keys()) {
            double[][] xy = series(metrics, k);
            String label = k.startsWith("terms.") ? k.substring("terms.".length()) : k;
            out.add(new Charts.Line(label, label, xy[0], xy[1]));
        }
        return out;
    }

    /** {@code {steps, values}} of one (flattened) key over the lines that log it. */
    public static double[][] series(List<JsonNode> metrics, String key) {
        List<double[]> points = new ArrayList<>();
        for (JsonNode line : metrics) {
            JsonNode v = lookup(line, key);
            if (v != null && v.isNumber()) {
                points.add(new double[] {line.path("step").asDouble(Double.NaN), v.asDouble()});
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    /** The value under a flattened key, or null. */
    public static JsonNode lookup(JsonNode node, String key) {
        if (node == null) {
            return null;
        }
        JsonNode direct = node.get(key);
        if (direct != null) {
            return direct;
        }
        Map<String, JsonNode> flat = new LinkedHashMap<>(Flatten.leaves(node));
        return flat.get(key);
    }

    private static void take(List<Group> out, Set<String> keys, String title, Predicate<String> which) {
        List<String> picked = keys.stream().filter(which).toList();
        if (!picked.isEmpty()) {
            out.add(new Group(title, picked));
            keys.removeAll(picked);
        }
    }
}
