package dev.ebm.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statistics of a sweep directory over seeds, one row per case, read from {@code sweep.json} and the runs'
 * {@code eval.json} and {@code metrics.jsonl}. A run's final metrics are the numeric fields of its {@code eval.json}
 * (nested objects flattened with dots; {@code step} left out) and then those of the last line of its
 * {@code metrics.jsonl} not already given by {@code eval.json} ({@code step} and the timing field {@code wall_s}
 * left out; per-term losses as {@code terms.0:ml}). Only runs in state {@code done} count; {@code wall_s} comes
 * from {@code sweep.json}.
 *
 * @param cases one row per case, in the order of {@code sweep.json}
 * @param metrics every metric name, eval.json's first, in first-seen order
 * @param fromEval the metrics that come from eval.json
 */
public record SweepSummary(List<Row> cases, List<String> metrics, Set<String> fromEval) {

    /**
     * One case.
     *
     * @param runs finished runs (state done)
     * @param failed failed runs
     * @param wall wall seconds of the finished runs
     * @param metrics per metric, its statistics over the finished runs that report it
     */
    public record Row(String name, int runs, int failed, Stats wall, Map<String, Stats> metrics) {}

    /** The final metrics of one run directory (empty when it has neither file). */
    public static Map<String, Double> runMetrics(Path runDir, Set<String> fromEval) {
        Map<String, Double> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        Path eval = runDir.resolve("eval.json");
        try {
            if (Files.isRegularFile(eval)) {
                Map<String, Double> e = new LinkedHashMap<>();
                flatten("", json.readTree(eval.toFile()), e);
                e.remove("step");
                out.putAll(e);
                fromEval.addAll(e.keySet());
            }
            Path metrics = runDir.resolve("metrics.jsonl");
            if (Files.isRegularFile(metrics)) {
                List<String> lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (!lines.get(i).isBlank()) {
                        Map<String, Double> m = new LinkedHashMap<>();
                        flatten("", json.readTree(lines.get(i)), m);
                        m.remove("step");
                        m.remove("wall_s");
                        m.forEach(out::putIfAbsent);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metrics of " + runDir, e);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Double> out) {
        node.properties().forEach(f -> {
            String name = prefix + f.getKey();
            if (f.getValue().isNumber()) {
                out.put(name, f.getValue().asDouble());
            } else if (f.getValue().isObject()) {
                flatten(name + ".", f.getValue(), out);
            }
        });
    }

    /** Reads the sweep directory {@code dir}. */
    public static SweepSummary read(Path dir) {
        JsonNode status;
        try {
            status = new ObjectMapper().readTree(dir.resolve("sweep.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("sweep.json"), e);
        }
        Map<String, List<Map<String, Double>>> done = new LinkedHashMap<>();
        Map<String, List<Double>> walls = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        Set<String> fromEval = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode r : status.path("runs")) {
            String c = r.path("case").asText();
            done.computeIfAbsent(c, k -> new ArrayList<>());
            walls.computeIfAbsent(c, k -> new ArrayList<>());
            failed.putIfAbsent(c, 0);
            String state = r.path("state").asText();
            if (state.equals(SweepStatus.State.FAILED.id())) {
                failed.merge(c, 1, Integer::sum);
            } else if (state.equals(SweepStatus.State.DONE.id())) {
                Map<String, Double> m = runMetrics(dir.resolve(r.path("dir").asText()), fromEval);
                names.addAll(m.keySet());
                done.get(c).add(m);
                if (r.path("wall_s").isNumber()) {
                    walls.get(c).add(r.path("wall_s").asDouble());
                }
            }
        }
        List<String> metrics = new ArrayList<>(fromEval);
        names.stream().filter(n -> !fromEval.contains(n)).forEach(metrics::add);
        List<Row> rows = new ArrayList<>();
        for (var e : done.entrySet()) {
            Map<String, Stats> stats = new LinkedHashMap<>();
            for (String m : metrics) {
                stats.put(m, Stats.of(e.getValue().stream().filter(r -> r.containsKey(m))
                        .mapToDouble(r -> r.get(m)).toArray()));
            }
            rows.add(new Row(e.getKey(), e.getValue().size(), failed.get(e.getKey()),
                    Stats.of(walls.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray()), stats));
        }
        return new SweepSummary(List.copyOf(rows), List.copyOf(metrics), Set.copyOf(fromEval));
    }

    /** {@code requested} when given, else {@code kl} when present, else the first metric (null when none). */
    public String chooseMetric(String requested) {
        if (requested != null) {
            return requested;
        }
        if (metrics.contains("kl")) {
            return "kl";
        }
        return metrics.isEmpty() ? null : metrics.get(0);
    }
}
