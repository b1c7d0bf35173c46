package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a run directory holds, read leniently: a piece that is missing or cannot be read is null (or empty) and the
 * reason is in {@link #problems()}, so that a report of a run killed early still shows everything else.
 */
public final class RunFiles {
    private static final Pattern SAMPLE = Pattern.compile("step-(\\d+)\\.png");

    /** A sample picture {@code samples/step-N.png}. */
    public record Sample(long step, Path png) {}

    private final Path dir;
    private final List<String> problems = new ArrayList<>();
    private final String specText;
    private final JsonNode spec;
    private final JsonNode provenance;
    private final List<JsonNode> metrics;
    private final JsonNode eval;
    private final List<Sample> samples;
    private final Map<String, Path> plots;

    private RunFiles(Path dir) {
        this.dir = dir;
        this.specText = text(dir.resolve("spec.resolved.yaml"));
        this.spec = specText == null ? null : tree(new YAMLMapper(), specText, "spec.resolved.yaml");
        String prov = text(dir.resolve("provenance.json"));
        this.provenance = prov == null ? null : tree(json(), prov, "provenance.json");
        String ev = text(dir.resolve("eval.json"));
        this.eval = ev == null ? null : tree(json(), ev, "eval.json");
        this.metrics = readMetrics(dir.resolve("metrics.jsonl"));
        this.samples = listSamples(dir.resolve("samples"));
        this.plots = listPlots(dir.resolve("plots"));
    }

    /** Reads what there is in {@code dir}. */
    public static RunFiles read(Path dir) {
        return new RunFiles(dir);
    }

    /** Whether {@code dir} looks like a run directory: it holds a resolved spec, metrics or provenance. */
    public static boolean looksLikeRun(Path dir) {
        return Files.isRegularFile(dir.resolve("spec.resolved.yaml")) || Files.isRegularFile(dir.resolve("metrics.jsonl"))
                || Files.isRegularFile(dir.resolve("provenance.json"));
    }

    public Path dir() {
        return dir;
    }

    /** The spec's {@code name}, or the directory's name. */
    public String name() {
        String n = spec == null ? null : spec.path("name").asText(null);
        return n == null || n.isBlank() ? dir.toAbsolutePath().normalize().getFileName().toString() : n;
    }

    /** The text of {@code spec.resolved.yaml}, or null. */
    public String specText() {
        return specText;
    }

    /** The resolved spec as a tree, or null. */
    public JsonNode spec() {
        return spec;
    }

    /** {@code provenance.json}, or null. */
    public JsonNode provenance() {
        return provenance;
    }

    /** The lines of {@code metrics.jsonl} (lines cut short by a kill left out); empty when there is none. */
    public List<JsonNode> metrics() {
        return metrics;
    }

    /** {@code eval.json}, or null. */
    public JsonNode eval() {
        return eval;
    }

    /** The sample pictures, by step. */
    public List<Sample> samples() {
        return samples;
    }

    /** The pictures in {@code plots/}, by file name, sorted. */
    public Map<String, Path> plots() {
        return plots;
    }

    /** Files that exist but could not be read, with the reason. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The last logged step, or -1. */
    public long lastStep() {
        return metrics.isEmpty() ? -1 : metrics.get(metrics.size() - 1).path("step").asLong(-1);
    }

    /** The last metrics line, or null. */
    public JsonNode lastMetrics() {
        return metrics.isEmpty() ? null : metrics.get(metrics.size() - 1);
    }

    /** {@code train.steps} of the spec, or -1. */
    public long plannedSteps() {
        return spec == null ? -1 : spec.path("train").path("steps").asLong(-1);
    }

    /** A JSON reader that also accepts NaN and Infinity, as some writers put them. */
    static ObjectMapper json() {
        return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    }

    private String text(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file.getFileName() + ": cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }

    private JsonNode tree(ObjectMapper mapper, String text, String what) {
        try {
            JsonNode n = mapper.readTree(text);
            if (n == null || n.isMissingNode()) {
                problems.add(what + ": empty");
                return null;
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(what + ": not valid " + (mapper instanceof YAMLMapper ? "YAML" : "JSON") + " ("
                    + e.getOriginalMessage() + ")");
            return null;
        }
    }

    private List<JsonNode> readMetrics(Path file) {
        String text = text(file);
        if (text == null) {
            return List.of();
        }
        ObjectMapper json = json();
        List<JsonNode> lines = new ArrayList<>();
        int bad = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = json.readTree(line);
                if (n.isObject() && n.has("step")) {
                    lines.add(n);
                } else {
                    bad++;
                }
            } catch (IOException e) {
                bad++;
            }
        }
        if (bad > 0) {
            problems.add("metrics.jsonl: " + bad + " line(s) that are not a metrics object were left out "
                    + "(a line cut short when the run was killed)");
        }
        return List.copyOf(lines);
    }

    private static List<Sample> listSamples(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = SAMPLE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(new Sample(Long.parseLong(m.group(1)), p));
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparingLong(Sample::step));
        return List.copyOf(out);
    }

    private static Map<String, Path> listPlots(Path dir) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted()
                    .forEach(p -> out.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }
}
