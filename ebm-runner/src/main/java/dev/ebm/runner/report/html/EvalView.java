package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code eval.json} as tables: every top-level scalar in one table (with what the known ones mean); nested objects
 * (e.g. the sample sets {@code replay_buffer} and {@code fresh_chains} of an image run) flattened into dotted rows,
 * objects with the same keys side by side in one table; arrays of numbers shared by those objects (class
 * histograms) also drawn as grouped bars.
 */
public final class EvalView {
    private static final int MAX_BARS = 100;
    private static final Map<String, String> MEANING = meanings();

    private EvalView() {}

    /** The blocks of the evaluation section. */
    public static List<Page.Block> blocks(JsonNode eval) {
        List<Page.Block> out = new ArrayList<>();
        Table.Builder scores = Table.of("eval", null, List.of("metric", "value", "meaning"));
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : eval.properties()) {
            if (e.getValue().isObject()) {
                objects.put(e.getKey(), e.getValue());
            } else if (e.getValue().isArray() && !Flatten.isNumberArray(e.getValue())
                    && e.getValue().toString().length() > 200) {
                objects.put(e.getKey(), e.getValue());
            } else {
                scores.row(List.of(Table.Cell.text(e.getKey()), Table.Cell.num(Fmt.value(e.getValue())),
                        Table.Cell.text(MEANING.getOrDefault(e.getKey(), ""))));
            }
        }
        out.add(Page.Block.table(scores.build()));
        for (Map.Entry<Set<String>, List<String>> group : groupByKeys(objects).entrySet()) {
            out.addAll(groupBlocks(group.getValue(), objects));
        }
        return out;
    }

    /** Objects with the same flattened keys, in first-seen order. */
    private static Map<Set<String>, List<String>> groupByKeys(Map<String, JsonNode> objects) {
        Map<Set<String>, List<String>> groups = new LinkedHashMap<>();
        objects.forEach((name, node) -> groups.computeIfAbsent(new LinkedHashSet<>(Flatten.leaves(node).keySet()),
                k -> new ArrayList<>()).add(name));
        return groups;
    }

    private static List<Page.Block> groupBlocks(List<String> names, Map<String, JsonNode> objects) {
        List<String> head = new ArrayList<>();
        head.add("quantity");
        head.addAll(names);
        Table.Builder t = Table.of("eval-" + anchor(String.join("-", names)), null, head);
        Map<String, Map<String, JsonNode>> flat = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String n : names) {
            Map<String, JsonNode> leaves = Flatten.leaves(objects.get(n));
            flat.put(n, leaves);
            keys.addAll(leaves.keySet());
        }
        List<String> histograms = new ArrayList<>();
        for (String k : keys) {
            List<Table.Cell> row = new ArrayList<>();
            row.add(Table.Cell.text(k.isEmpty() ? "(values)" : k));
            boolean allNumberArrays = true;
            for (String n : names) {
                JsonNode v = flat.get(n).get(k);
                row.add(Table.Cell.num(Fmt.value(v)));
                allNumberArrays &= Flatten.isNumberArray(v) && v.size() <= MAX_BARS;
            }
            t.row(row);
            if (allNumberArrays && flat.get(names.get(0)).get(k).size() > 1) {
                histograms.add(k);
            }
        }
        List<Page.Block> out = new ArrayList<>();
        String heading = names.size() > 1 ? "Side by side: " + String.join(", ", names) : names.get(0);
        out.add(Page.Block.table(heading, t.build()));
        List<Page.Figure> figures = new ArrayList<>();
        for (String k : histograms) {
            Map<String, double[]> series = new LinkedHashMap<>();
            for (String n : names) {
                JsonNode v = flat.get(n).get(k);
                double[] values = new double[v.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = v.get(i).asDouble();
                }
                series.put(n, values);
            }
            String title = (k.isEmpty() ? String.join(", ", names) : k) + (names.size() > 1 ? "" : " (" + names.get(0)
                    + ")");
            figures.add(Figures.chart(title, Charts.bars(title, "index", "value", series)));
        }
        if (!figures.isEmpty()) {
            out.add(Page.Block.figures(null, figures));
        }
        return out;
    }

    static String anchor(String s) {
        String a = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return a.isEmpty() ? "x" : a;
    }

    private static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("step", "training step the evaluation is of");
        m.put("train_wall_s", "training wall time, seconds");
        m.put("train_cpu_s", "CPU time of the training thread, seconds");
        m.put("nll", "mean −log p_θ(x) over fresh data points, nats");
        m.put("kl", "KL(p_data ‖ p_θ), nats");
        m.put("border_mass", "share of the grid's mass in its outer 5 % band (large: nll and kl unreliable)");
        m.put("log_z", "log Z of exp(−E) on the evaluation grid");
        m.put("data_entropy", "entropy of the data density, nats");
        m.put("grid", "evaluation grid points per axis");
        m.put("points", "data points scored");
        return Map.copyOf(m);
    }
}
