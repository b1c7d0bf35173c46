package dev.ebm.runner.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sweep file (docs/SWEEPS.md): a {@code base} spec, a {@code grid} of {@code --set} paths and value lists, named
 * {@code cases} of overrides (a case may name its own {@code base}) and the {@code seeds}. Reading checks the sweep
 * file's own shape; whether the overrides fit the spec is checked by {@link SweepPlan#resolve}.
 *
 * @param file the sweep file (absolute)
 * @param base the base spec, or null when every case names its own
 * @param grid each {@code --set} path with its non-empty list of values, in file order
 * @param cases the named cases in file order (empty: one case, the base itself)
 * @param seeds distinct seeds, in file order
 */
public record SweepFile(Path file, SpecSource base, Map<String, List<JsonNode>> grid, Map<String, SweepCase> cases,
        List<Long> seeds) {

    /** The top-level keys of a sweep file. */
    public static final List<String> KEYS = List.of("base", "cases", "grid", "seeds");
    /** Characters of case names and of run directory names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._=-]+");

    public SweepFile {
        grid = Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        cases = Collections.unmodifiableMap(new LinkedHashMap<>(cases));
        seeds = List.copyOf(seeds);
    }

    /**
     * One named case: overrides and, optionally, its own base spec.
     *
     * @param base the case's base spec, or null for the sweep's
     * @param set {@code --set} paths and values, in file order
     */
    public record SweepCase(String name, SpecSource base, Map<String, JsonNode> set) {
        public SweepCase {
            set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        }
    }

    /**
     * This sweep with {@code --set path=value} overrides for every run: each becomes a one-value grid path (replacing
     * the path's values when the grid has it), so it is applied after the cases' overrides and leaves run names as
     * they are unless it replaces a varied path. Values are read as YAML, as by {@code bin/ebm train --set}.
     */
    public SweepFile withSets(List<String> sets, ObjectMapper yaml) {
        Map<String, List<JsonNode>> g = new LinkedHashMap<>(grid);
        List<SpecProblem> problems = new ArrayList<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                problems.add(new SpecProblem("--set " + set, "must be path=value, e.g. train.steps=20"));
                continue;
            }
            String raw = set.substring(eq + 1);
            JsonNode value;
            try {
                value = raw.isEmpty() ? null : yaml.readTree(raw);
            } catch (JsonProcessingException e) {
                value = null;
            }
            g.put(set.substring(0, eq).trim(), List.of(value == null || value.isMissingNode()
                    ? yaml.getNodeFactory().textNode(raw) : value));
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new SweepFile(file, base, g, cases, seeds);
    }

    /** Reads and checks {@code file}; every problem is reported in one {@link SpecException}. */
    public static SweepFile read(Path file, ObjectMapper yaml) {
        JsonNode tree;
        try {
            tree = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SpecException("", "no such sweep file: " + file);
        } catch (JsonProcessingException e) {
            throw new SpecException("", "cannot parse " + file + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""));
        } catch (IOException e) {
            throw new SpecException("", "cannot read " + file + ": " + e.getMessage());
        }
        return parse(tree, file.toAbsolutePath().normalize());
    }

    /** Checks a parsed sweep tree; relative base paths are resolved against {@code file}'s directory. */
    public static SweepFile parse(JsonNode tree, Path file) {
        List<SpecProblem> problems = new ArrayList<>();
        if (!(tree instanceof ObjectNode root)) {
            throw new SpecException("", "a sweep file must hold a mapping with " + KEYS + ", found "
                    + (tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().toString().toLowerCase()));
        }
        Path dir = file.getParent();
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                problems.add(new SpecProblem(k, "unknown key; known: " + KEYS));
            }
        });
        SpecSource base = root.has("base") ? source(root.get("base"), dir, "base", problems) : null;
        Map<String, List<JsonNode>> grid = grid(root.get("grid"), problems);
        Map<String, SweepCase> cases = cases(root.get("cases"), dir, problems);
        List<Long> seeds = seeds(root.get("seeds"), problems);
        if (base == null && !root.has("base")) {
            List<String> without = cases.values().stream().filter(c -> c.base() == null).map(SweepCase::name).toList();
            if (cases.isEmpty() || !without.isEmpty()) {
                problems.add(new SpecProblem("base", "is required (a spec file, relative to the sweep file, or an "
                        + "inline spec)" + (cases.isEmpty() ? "" : " unless every case names its own; cases without "
                                + "one: " + without)));
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new SweepFile(file, base, grid, cases, seeds);
    }

    private static SpecSource source(JsonNode node, Path dir, String path, List<SpecProblem> problems) {
        if (node instanceof ObjectNode inline) {
            return SpecSource.inline(inline);
        }
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problems.add(new SpecProblem(path, "must be a spec file (relative to the sweep file) or an inline spec "
                    + "mapping, found " + describe(node)));
            return null;
        }
        Path f = dir.resolve(node.asText()).normalize();
        if (!Files.isRegularFile(f)) {
            problems.add(new SpecProblem(path, "no such spec file: " + f + " (found '" + node.asText() + "')"));
            return null;
        }
        return SpecSource.of(f);
    }

    private static Map<String, List<JsonNode>> grid(JsonNode node, List<SpecProblem> problems) {
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return grid;
        }
        if (!(node instanceof ObjectNode obj)) {
            problems.add(new SpecProblem("grid", "must be a mapping of --set paths to value lists, e.g. "
                    + "{\"objective[0].ratio\": [1, 4]}, found " + describe(node)));
            return grid;
        }
        obj.properties().forEach(e -> {
            String at = "grid." + quote(e.getKey());
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                problems.add(new SpecProblem(at, "must be a non-empty list of values, found " + describe(e.getValue())
                        + (e.getValue().isArray() ? "" : " (write [" + e.getValue() + "] for one value)")));
                return;
            }
            List<JsonNode> values = new ArrayList<>();
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode v : e.getValue()) {
                if (!seen.add(v)) {
                    problems.add(new SpecProblem(at, "lists the value " + v + " twice"));
                }
                values.add(v);
            }
            grid.put(e.getKey(), values);
        });
        return grid;
    }

    private static Map<String, SweepCase> cases(JsonNode node, Path dir, List<SpecProblem> problems) {
        Map<String, SweepCase> cases = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return cases;
        }
        if (!(node instanceof ObjectNode obj)) {
            problems.add(new SpecProblem("cases", "must be a mapping of case names to overrides, e.g. "
                    + "{ratio1: {\"objective[0].ratio\": 1}}, found " + describe(node)));
            return cases;
        }
        obj.properties().forEach(e -> {
            String name = e.getKey();
            String at = "cases." + quote(name);
            if (!NAME.matcher(name).matches()) {
                problems.add(new SpecProblem(at, "a case name must use only letters, digits and '._=-', found '"
                        + name + "'"));
            }
            JsonNode body = e.getValue() == null || e.getValue().isNull() ? null : e.getValue();
            if (body != null && !(body instanceof ObjectNode)) {
                problems.add(new SpecProblem(at, "must be a mapping of --set paths to values (and optionally "
                        + "'base'), found " + describe(body)));
                return;
            }
            SpecSource base = null;
            Map<String, JsonNode> set = new LinkedHashMap<>();
            if (body != null) {
                for (var f : body.properties()) {
                    if (f.getKey().equals("base")) {
                        base = source(f.getValue(), dir, at + ".base", problems);
                    } else {
                        set.put(f.getKey(), f.getValue());
                    }
                }
            }
            cases.put(name, new SweepCase(name, base, set));
        });
        return cases;
    }

    private static List<Long> seeds(JsonNode node, List<SpecProblem> problems) {
        List<Long> seeds = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(new SpecProblem("seeds", "must be a non-empty list of integer seeds, e.g. [1, 2, 3], found "
                    + describe(node)));
            return seeds;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            if (!s.canConvertToLong() || !s.isIntegralNumber() || s.asLong() < 0) {
                problems.add(new SpecProblem("seeds[" + i + "]", "must be an integer >= 0, found " + s));
            } else if (seeds.contains(s.asLong())) {
                problems.add(new SpecProblem("seeds[" + i + "]", "repeats the seed " + s.asLong()));
            } else {
                seeds.add(s.asLong());
            }
        }
        return seeds;
    }

    /** A key of a mapping in a problem path: quoted when it holds dots or brackets. */
    static String quote(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isContainerNode() ? node.getNodeType().toString().toLowerCase() + " " + node : node.toString();
    }
}
