package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a sweep directory holds, read leniently: {@code sweep.yaml} (the resolved sweep), {@code sweep.json} (per
 * run: {@code case}, {@code seed}, {@code dir}, {@code state} done|failed|running|pending, {@code error},
 * {@code wall_s}; a list, or an object with a {@code runs} list), {@code summary.csv}, {@code plots/*.png} and the
 * run directories {@code runs/CASE-seedN/}. Without {@code sweep.json} the runs are found in {@code runs/}.
 */
public final class SweepFiles {
    private static final Pattern RUN_NAME = Pattern.compile("(.+)-seed(-?\\d+)");

    /** One run of the sweep; {@code wallS} is NaN when unknown, {@code error} null when none. */
    public record RunEntry(String caseName, String seed, Path dir, String state, String error, double wallS) {
        /** The run's name in the sweep, {@code CASE-seedN}. */
        public String name() {
            return caseName + "-seed" + seed;
        }
    }

    private final Path dir;
    private final List<String> problems = new ArrayList<>();
    private final String sweepText;
    private final JsonNode sweep;
    private final List<RunEntry> runs;
    private final SweepSummary summary;
    private final Map<String, Path> plots = new LinkedHashMap<>();

    private SweepFiles(Path dir) {
        this.dir = dir;
        this.sweepText = text(dir.resolve("sweep.yaml"));
        JsonNode tree = null;
        if (sweepText != null) {
            try {
                tree = new YAMLMapper().readTree(sweepText);
            } catch (IOException e) {
                problems.add("sweep.yaml: not valid YAML (" + e.getMessage() + ")");
            }
        }
        this.sweep = tree;
        this.runs = readRuns();
        SweepSummary s = null;
        Path csv = dir.resolve("summary.csv");
        if (Files.isRegularFile(csv)) {
            try {
                s = SweepSummary.read(csv);
            } catch (IOException | RuntimeException e) {
                problems.add("summary.csv: cannot be read (" + e.getMessage() + ")");
            }
        }
        this.summary = s;
        Path p = dir.resolve("plots");
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.list(p)) {
                files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted()
                        .forEach(f -> plots.put(f.getFileName().toString(), f));
            } catch (IOException e) {
                problems.add("plots/: cannot be listed (" + e.getMessage() + ")");
            }
        }
    }

    /** Reads what there is in {@code dir}. */
    public static SweepFiles read(Path dir) {
        return new SweepFiles(dir);
    }

    /** Whether {@code dir} looks like a sweep directory: it holds sweep.yaml, sweep.json or summary.csv. */
    public static boolean looksLikeSweep(Path dir) {
        return Files.isRegularFile(dir.resolve("sweep.yaml")) || Files.isRegularFile(dir.resolve("sweep.json"))
                || Files.isRegularFile(dir.resolve("summary.csv"));
    }

    public Path dir() {
        return dir;
    }

    /** The text of {@code sweep.yaml}, or null. */
    public String sweepText() {
        return sweepText;
    }

    /** {@code sweep.yaml} as a tree, or null. */
    public JsonNode sweep() {
        return sweep;
    }

    /** The runs, in the order {@code sweep.json} lists them (or by directory name). */
    public List<RunEntry> runs() {
        return runs;
    }

    /** {@code summary.csv}, or null. */
    public SweepSummary summary() {
        return summary;
    }

    /** The pictures in {@code plots/}, by file name. */
    public Map<String, Path> plots() {
        return plots;
    }

    /** Files that exist but could not be read, with the reason. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private List<RunEntry> readRuns() {
        String json = text(dir.resolve("sweep.json"));
        if (json != null) {
            try {
                JsonNode root = RunFiles.json().readTree(json);
                JsonNode list = root.isArray() ? root : root.path("runs");
                if (list.isArray()) {
                    List<RunEntry> out = new ArrayList<>();
                    for (JsonNode r : list) {
                        out.add(entry(r));
                    }
                    return List.copyOf(out);
                }
                problems.add("sweep.json: neither a list of runs nor an object with a 'runs' list");
            } catch (IOException e) {
                problems.add("sweep.json: not valid JSON (" + e.getMessage() + ")");
            }
        }
        return scanRuns();
    }

    private RunEntry entry(JsonNode r) {
        String caseName = r.path("case").asText("?");
        String seed = r.path("seed").asText("?");
        String d = r.path("dir").asText(null);
        Path runDir = d == null || d.isBlank() ? dir.resolve("runs").resolve(caseName + "-seed" + seed)
                : dir.resolve(d);
        JsonNode err = r.get("error");
        String error = err == null || err.isNull() || err.asText().isBlank() ? null : err.asText();
        double wall = r.path("wall_s").isNumber() ? r.path("wall_s").asDouble() : Double.NaN;
        return new RunEntry(caseName, seed, runDir, r.path("state").asText("unknown"), error, wall);
    }

    private List<RunEntry> scanRuns() {
        Path runsDir = dir.resolve("runs");
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<RunEntry> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsDir)) {
            dirs.filter(Files::isDirectory).sorted().forEach(d -> {
                Matcher m = RUN_NAME.matcher(d.getFileName().toString());
                String caseName = m.matches() ? m.group(1) : d.getFileName().toString();
                String seed = m.matches() ? m.group(2) : "?";
                String state = Files.isRegularFile(d.resolve("eval.json")) ? "done" : "unknown";
                out.add(new RunEntry(caseName, seed, d, state, null, Double.NaN));
            });
        } catch (IOException e) {
            problems.add("runs/: cannot be listed (" + e.getMessage() + ")");
        }
        return List.copyOf(out);
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
}
