package dev.ebm.runner.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.explain.Explainer;
import dev.ebm.runner.spec.SpecLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a sweep: every case × every grid point × every seed, named by {@link RunNames}. Runs are ordered
 * seed first (all cases of the first seed, then the second seed, ...), so a sweep stopped half-way has whole
 * seeds of every case rather than every seed of half the cases.
 *
 * @param sweep the sweep file
 * @param cases the cases (named case × grid point), in file order
 * @param runs the runs, in execution order
 */
public record SweepPlan(SweepFile sweep, List<PlannedCase> cases, List<PlannedRun> runs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One case of the plan: a named case of the sweep file combined with one grid point.
     *
     * @param overrides {@code path=value} overrides (case first, then grid), values as JSON (valid YAML)
     */
    public record PlannedCase(String name, SpecSource base, List<String> overrides) {}

    /** One run: a case with a seed; {@code dir} is relative to the sweep directory's {@code runs/}. */
    public record PlannedRun(PlannedCase plannedCase, long seed, String dir) {
        public String caseName() {
            return plannedCase.name();
        }

        /** The case's overrides followed by {@code seed=N}. */
        public List<String> overrides() {
            List<String> all = new ArrayList<>(plannedCase.overrides());
            all.add("seed=" + seed);
            return all;
        }
    }

    /** A run with its spec resolved: the spec and its YAML form (what the run directory's spec.resolved.yaml holds). */
    public record ResolvedRun(PlannedRun run, ExperimentSpec spec, String yaml) {}

    /** Expands {@code sweep}; throws {@link SpecException} when two runs would get the same name. */
    public static SweepPlan expand(SweepFile sweep) {
        List<String> varied = sweep.grid().entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        Map<String, String> labels = new LinkedHashMap<>(RunNames.labels(List.copyOf(sweep.grid().keySet())));
        labels.keySet().retainAll(varied);
        List<Map<String, JsonNode>> points = cartesian(sweep.grid());
        List<SweepFile.SweepCase> named = sweep.cases().isEmpty()
                ? List.of(new SweepFile.SweepCase(RunNames.BASE, null, Map.of()))
                : List.copyOf(sweep.cases().values());
        List<PlannedCase> cases = new ArrayList<>();
        Map<String, String> origin = new LinkedHashMap<>();
        List<SpecProblem> problems = new ArrayList<>();
        for (SweepFile.SweepCase c : named) {
            for (Map<String, JsonNode> point : points) {
                List<String> parts = new ArrayList<>();
                if (!sweep.cases().isEmpty()) {
                    parts.add(c.name());
                }
                List<String> overrides = new ArrayList<>();
                c.set().forEach((path, v) -> overrides.add(path + "=" + json(v)));
                StringBuilder where = new StringBuilder(sweep.cases().isEmpty() ? "" : "case " + c.name());
                point.forEach((path, v) -> {
                    overrides.add(path + "=" + json(v));
                    if (labels.containsKey(path)) {
                        parts.add(labels.get(path) + "=" + RunNames.value(v));
                        where.append(where.length() == 0 ? "" : ", ").append(path).append(" = ").append(v);
                    }
                });
                String name = parts.isEmpty() ? RunNames.BASE : String.join("_", parts);
                String before = origin.putIfAbsent(name, where.toString());
                if (before != null) {
                    problems.add(new SpecProblem(sweep.cases().isEmpty() ? "grid" : "cases", "'" + before + "' and '"
                            + where + "' would both be named '" + name + "' (names keep only [A-Za-z0-9._=-]); "
                            + "make the values or case names differ in those characters"));
                    continue;
                }
                cases.add(new PlannedCase(name, c.base() != null ? c.base() : sweep.base(), List.copyOf(overrides)));
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        List<PlannedRun> runs = new ArrayList<>();
        for (long seed : sweep.seeds()) {
            for (PlannedCase c : cases) {
                runs.add(new PlannedRun(c, seed, RunNames.dir(c.name(), seed)));
            }
        }
        return new SweepPlan(sweep, List.copyOf(cases), List.copyOf(runs));
    }

    /**
     * Loads every run's spec through {@code loader} (base, then the case's and grid's overrides, then the seed)
     * and checks what {@code bin/ebm train} checks before it starts; every problem of every case is reported in
     * one {@link SpecException}, each naming the spec path and the cases it occurs in.
     */
    public List<ResolvedRun> resolve(SpecLoader loader) {
        Explainer explainer = new Explainer(loader.registry());
        Map<String, List<String>> found = new LinkedHashMap<>();
        Map<String, SpecProblem> byKey = new LinkedHashMap<>();
        for (PlannedCase c : cases) {
            List<SpecProblem> problems = new ArrayList<>();
            try {
                ExperimentSpec s = load(loader, c.base(), c.overrides());
                problems.addAll(s.trainingProblems());
                problems.addAll(explainer.explain(s).refusals());
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
            for (SpecProblem p : problems) {
                byKey.putIfAbsent(p.toString(), p);
                found.computeIfAbsent(p.toString(), k -> new ArrayList<>()).add(c.name());
            }
        }
        if (!found.isEmpty()) {
            List<SpecProblem> all = new ArrayList<>();
            found.forEach((key, names) -> {
                SpecProblem p = byKey.get(key);
                String where = names.size() == cases.size() && cases.size() > 1 ? "every case"
                        : (names.size() == 1 ? "case " : "cases ") + String.join(", ", names);
                all.add(new SpecProblem(p.path(), p.message() + " [" + where + "]"));
            });
            throw new SpecException(all);
        }
        List<ResolvedRun> out = new ArrayList<>();
        for (PlannedRun r : runs) {
            ExperimentSpec s = load(loader, r.plannedCase().base(), r.overrides());
            out.add(new ResolvedRun(r, s, loader.toYaml(s)));
        }
        return out;
    }

    private static ExperimentSpec load(SpecLoader loader, SpecSource base, List<String> overrides) {
        return base.file() != null ? loader.load(base.file(), overrides) : loader.parse(json(base.inline()), overrides);
    }

    private static List<Map<String, JsonNode>> cartesian(Map<String, List<JsonNode>> grid) {
        List<Map<String, JsonNode>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (var e : grid.entrySet()) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> p : points) {
                for (JsonNode v : e.getValue()) {
                    Map<String, JsonNode> q = new LinkedHashMap<>(p);
                    q.put(e.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** A value as JSON text, which the {@code --set} parser (YAML) reads back as the same value. */
    static String json(JsonNode v) {
        try {
            String text = JSON.writeValueAsString(v);
            // YAML 1.1 reads 1.0E10 as a string: give the exponent its sign
            return v.isFloatingPointNumber() ? text.replaceFirst("E(\\d)", "E+$1") : text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
