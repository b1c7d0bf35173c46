package dev.ebm.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.chains.ChainStarts;
import dev.ebm.runner.sweep.RunNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code analyses} mapping of an experiment file into {@link Analysis} records, expanding {@code vary}. */
final class AnalysisFields {
    static final List<String> CHAIN_KEYS = List.of("type", "start", "chains", "steps", "record", "at", "set", "vary",
            "models", "pictures");
    static final List<String> LINE_KEYS = List.of("type", "lines", "points", "models");

    private AnalysisFields() {}

    static List<Analysis> parse(JsonNode node, List<SpecProblem> problems) {
        List<Analysis> out = new ArrayList<>();
        if (!(node instanceof ObjectNode all) || all.isEmpty()) {
            problems.add(new SpecProblem("analyses", "is required: a mapping of analysis names to analyses, e.g. "
                    + "{from-noise: {type: chains, start: uniform, chains: 64, steps: 1000}}"));
            return out;
        }
        all.fields().forEachRemaining(e -> {
            String name = e.getKey();
            String path = "analyses." + name;
            if (!name.matches("[A-Za-z0-9._-]+")) {
                problems.add(new SpecProblem(path, "an analysis name must use only [A-Za-z0-9._-]"));
                return;
            }
            if (!(e.getValue() instanceof ObjectNode a)) {
                problems.add(new SpecProblem(path, "must be a mapping, found " + e.getValue()));
                return;
            }
            Fields f = new Fields(a, problems, path);
            String type = f.text("type", null);
            if (type == null) {
                return;
            }
            if (!Analysis.TYPES.contains(type)) {
                f.fail("type", "unknown '" + type + "'; known: " + Analysis.TYPES);
                return;
            }
            List<String> models = f.get("models") == null ? null : f.texts("models", true);
            if ("lines".equals(type)) {
                f.known(LINE_KEYS, " for type lines");
                int lines = f.integer("lines", 100, 1);
                int points = f.integer("points", 20, 2);
                out.add(new Analysis(name, name, type, null, lines, 0, 0, List.of(), points, List.of(), null,
                        models, 0));
                return;
            }
            f.known(CHAIN_KEYS, " for type chains");
            String start = f.text("start", null);
            if (start != null && !ChainStarts.KINDS.contains(start)) {
                f.fail("start", "unknown '" + start + "'; known: " + ChainStarts.KINDS);
            }
            int chains = f.integer("chains", 64, 1);
            int steps = f.integer("steps", Integer.MIN_VALUE, 0);
            int record = f.integer("record", Math.max(1, steps / 20), 0);
            List<Integer> at = f.integers("at");
            int pictures = f.integer("pictures", 4, 0);
            List<String> sets = sets(f);
            JsonNode vary = f.get("vary");
            if (vary == null) {
                out.add(new Analysis(name, name, type, start, chains, steps, record, at, 0, sets, null, models,
                        pictures));
                return;
            }
            if (!(vary instanceof ObjectNode v) || v.size() != 1 || !v.elements().next().isArray()
                    || v.elements().next().isEmpty()) {
                f.fail("vary", "must be a mapping of one sampler path to a non-empty list of values, e.g. "
                        + "{sampler.noise: [0.005, 0.05]}, found " + vary);
                return;
            }
            Map.Entry<String, JsonNode> only = v.fields().next();
            checkSamplerPath(f, "vary", only.getKey());
            String label = RunNames.labels(List.of(only.getKey())).get(only.getKey());
            for (JsonNode value : only.getValue()) {
                List<String> s = new ArrayList<>(sets);
                s.add(only.getKey() + "=" + value);
                String text = RunNames.value(value);
                out.add(new Analysis(name + "@" + label + "=" + text, name, type, start, chains, steps, record, at, 0,
                        s, new Analysis.Varied(only.getKey(), label, text), models, pictures));
            }
        });
        return out;
    }

    /** The {@code set} mapping as {@code path=value} overrides; only sampler paths. */
    private static List<String> sets(Fields f) {
        List<String> out = new ArrayList<>();
        JsonNode set = f.get("set");
        if (set == null) {
            return out;
        }
        if (!(set instanceof ObjectNode s)) {
            f.fail("set", "must be a mapping of sampler paths to values, e.g. {sampler.noise: 0.05}, found " + set);
            return out;
        }
        s.fields().forEachRemaining(e -> {
            checkSamplerPath(f, "set", e.getKey());
            out.add(e.getKey() + "=" + e.getValue());
        });
        return out;
    }

    private static void checkSamplerPath(Fields f, String key, String path) {
        if (!path.startsWith("sampler.")) {
            f.fail(key, "'" + path + "': test-time chains change only the run's sampler (paths sampler.*; the "
                    + "chains' length is 'steps')");
        }
        if (path.equals("sampler.steps")) {
            f.fail(key, "'sampler.steps': give the chains' length as 'steps'");
        }
    }
}
