package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.explain.Explainer;
import dev.ebm.runner.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report of a sweep directory: the summary table (mean ± std over seeds, 95 % confidence interval), a chart per
 * metric with error bars, the runs with their state and errors, training curves overlaid per case, the final metrics
 * of every run, and the resolved sweep file.
 */
public final class SweepReport {
    private static final int MAX_METRIC_CHARTS = 12;
    private static final List<String> OVERLAID = List.of("loss", "e_pos", "e_neg", "grad_norm", "accept_rate");
    private final SpecLoader loader;

    /** @param loader binds the runs' specs to name each case's objective; null leaves that out */
    public SweepReport(SpecLoader loader) {
        this.loader = loader;
    }

    /**
     * The page for {@code dir}.
     *
     * @param out where the page will be written: links to the runs are relative to it
     */
    public Page page(Path dir, Path out) {
        SweepFiles sweep = SweepFiles.read(dir);
        Map<String, RunFiles> runs = new LinkedHashMap<>();
        for (SweepFiles.RunEntry e : sweep.runs()) {
            if (Files.isDirectory(e.dir())) {
                runs.put(e.name(), RunFiles.read(e.dir()));
            }
        }
        List<Page.Section> sections = new ArrayList<>();
        sections.add(Page.guard("summary", "Summary (summary.csv)", () -> summary(sweep, runs)));
        sections.add(Page.guard("metrics", "Metrics per case", () -> metricCharts(sweep)));
        sections.add(Page.guard("runs", "Runs (sweep.json)",
                () -> SweepRunsView.status(sweep, runs, out.toAbsolutePath().getParent())));
        sections.add(Page.guard("curves", "Training curves per case", () -> overlays(sweep, runs)));
        sections.add(Page.guard("run-metrics", "Final metrics per run", () -> SweepRunsView.finalMetrics(sweep, runs)));
        Page.SectionBuilder file = new Page.SectionBuilder("sweep-file", "Sweep (sweep.yaml)");
        file.add(sweep.sweepText() == null ? Page.Block.missing("No sweep.yaml.")
                : Page.Block.pre(null, sweep.sweepText()));
        sections.add(file.build());
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return new Page("Sweep " + name, facts(sweep), sections, ReportFiles.footer(dir));
    }

    private static List<Page.Fact> facts(SweepFiles sweep) {
        List<Page.Fact> facts = new ArrayList<>();
        facts.add(new Page.Fact("directory", sweep.dir().toAbsolutePath().normalize().toString()));
        JsonNode s = sweep.sweep();
        if (s != null && s.has("base")) {
            JsonNode base = s.get("base");
            facts.add(new Page.Fact("base", base.isTextual() ? base.asText() : "inline spec"));
        }
        if (s != null && s.path("seeds").isArray()) {
            List<String> seeds = new ArrayList<>();
            s.get("seeds").forEach(x -> seeds.add(x.asText()));
            facts.add(new Page.Fact("seeds", String.join(", ", seeds)));
        }
        Map<String, Integer> states = new TreeMap<>();
        sweep.runs().forEach(r -> states.merge(r.state(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (String st : List.of("done", "failed", "running", "pending")) {
            parts.add(states.getOrDefault(st, 0) + " " + st);
            states.remove(st);
        }
        states.forEach((st, n) -> parts.add(n + " " + st));
        facts.add(new Page.Fact("runs", sweep.runs().size() + ": " + String.join(", ", parts)));
        if (sweep.summary() != null) {
            facts.add(new Page.Fact("cases", String.valueOf(sweep.summary().cases().size())));
        }
        return facts;
    }

    private Page.Section summary(SweepFiles sweep, Map<String, RunFiles> runs) {
        Page.SectionBuilder s = new Page.SectionBuilder("summary", "Summary (summary.csv)");
        sweep.problems().forEach(p -> s.add(Page.Block.missing(p)));
        SweepSummary sum = sweep.summary();
        if (sum == null) {
            s.add(Page.Block.missing("No summary.csv: the sweep has not finished a case yet (it writes the summary "
                    + "when its runs are done)."));
            return s.build();
        }
        List<String> head = new ArrayList<>();
        head.add("metric");
        sum.cases().forEach(c -> head.add(c.name()));
        Table.Builder t = Table.of("summary-table", null, head);
        t.row(row("runs", sum, c -> Table.Cell.num(c.runs())));
        t.row(row("failed", sum, c -> new Table.Cell(c.failed(), null, null,
                SweepSummary.number(c.failed()) > 0 ? "num state-failed" : "num")));
        if (loader != null) {
            t.row(row("objective (explain)", sum, c -> Table.Cell.text(objective(sweep, runs, c.name()))));
        }
        for (String m : sum.metrics()) {
            t.row(row(m, sum, c -> {
                SweepSummary.Stat st = c.stats().get(m);
                String ci = Fmt.interval(st.low(), st.high());
                return new Table.Cell(Fmt.meanStd(st.mean(), st.std()), ci.isEmpty() ? null : ci, null, "num");
            }));
        }
        if (sum.cases().stream().anyMatch(c -> !c.other().isEmpty())) {
            for (String k : sum.cases().get(0).other().keySet()) {
                t.row(row(k, sum, c -> Table.Cell.text(c.other().getOrDefault(k, ""))));
            }
        }
        s.add(new Page.Block(null, "One column per case: the mean ± standard deviation over its seeds, with the 95 % "
                + "confidence interval of the mean below it.", null, null, null, t.build(), null));
        return s.build();
    }

    private static List<Table.Cell> row(String label, SweepSummary sum,
            java.util.function.Function<SweepSummary.CaseRow, Table.Cell> cell) {
        List<Table.Cell> cells = new ArrayList<>();
        cells.add(Table.Cell.text(label));
        sum.cases().forEach(c -> cells.add(cell.apply(c)));
        return cells;
    }

    /** The explain code of a case, from the spec of its first run that has one. */
    private String objective(SweepFiles sweep, Map<String, RunFiles> runs, String caseName) {
        for (SweepFiles.RunEntry e : sweep.runs()) {
            RunFiles r = runs.get(e.name());
            if (e.caseName().equals(caseName) && r != null && r.specText() != null) {
                try {
                    return new Explainer(loader.registry()).explain(loader.parse(r.specText(), List.of())).code();
                } catch (SpecException ex) {
                    return "(spec does not load)";
                }
            }
        }
        return Fmt.NONE;
    }

    private static Page.Section metricCharts(SweepFiles sweep) {
        Page.SectionBuilder s = new Page.SectionBuilder("metrics", "Metrics per case");
        SweepSummary sum = sweep.summary();
        if (sum != null && !sum.cases().isEmpty()) {
            List<String> cases = sum.cases().stream().map(SweepSummary.CaseRow::name).toList();
            List<String> varying = sum.varyingMetrics();
            List<Page.Figure> figures = new ArrayList<>();
            for (String m : varying.subList(0, Math.min(MAX_METRIC_CHARTS, varying.size()))) {
                int n = cases.size();
                double[] mean = new double[n];
                double[] lo = new double[n];
                double[] hi = new double[n];
                boolean ci = false;
                for (int i = 0; i < n; i++) {
                    SweepSummary.Stat st = sum.cases().get(i).stats().get(m);
                    mean[i] = st.mean();
                    ci |= Double.isFinite(st.low());
                    lo[i] = Double.isFinite(st.low()) ? st.low() : st.mean() - st.std();
                    hi[i] = Double.isFinite(st.high()) ? st.high() : st.mean() + st.std();
                }
                String title = m + (ci ? ": mean and 95 % CI" : ": mean ± std");
                figures.add(Figures.chart(title, Charts.intervals(title, m, cases, mean, lo, hi)));
            }
            if (figures.isEmpty()) {
                s.add(Page.Block.text("No metric differs between cases or seeds."));
            } else {
                String left = varying.size() > MAX_METRIC_CHARTS ? " The first " + MAX_METRIC_CHARTS + " of "
                        + varying.size() + " are drawn; all are in the summary table." : "";
                s.add(Page.Block.text("Each metric that differs between cases or seeds: the mean over seeds with its "
                        + "95 % confidence interval (mean ± std where the summary has no interval)." + left));
                s.add(Page.Block.figures(null, figures));
            }
        } else {
            s.add(Page.Block.missing("No summary.csv to draw from."));
        }
        List<Page.Figure> own = new ArrayList<>();
        sweep.plots().forEach((name, path) -> own.add(Figures.file(path, "plots/" + name, 2 * Charts.WIDTH + 14)));
        if (!own.isEmpty()) {
            s.add(Page.Block.figures("The sweep's own plots", own));
        }
        return s.build();
    }

    private static Page.Section overlays(SweepFiles sweep, Map<String, RunFiles> runs) {
        Page.SectionBuilder s = new Page.SectionBuilder("curves", "Training curves per case");
        List<Page.Figure> figures = new ArrayList<>();
        for (String key : OVERLAID) {
            List<Charts.Line> lines = new ArrayList<>();
            for (SweepFiles.RunEntry e : sweep.runs()) {
                RunFiles r = runs.get(e.name());
                if (r == null) {
                    continue;
                }
                double[][] xy = Curves.series(r.metrics(), key);
                if (xy[0].length > 0) {
                    lines.add(new Charts.Line(e.name(), e.caseName(), xy[0], xy[1]));
                }
            }
            if (!lines.isEmpty()) {
                figures.add(Figures.chart(key, Charts.lines(key + " (one line per run, one colour per case)", "step",
                        null, lines)));
            }
        }
        if (figures.isEmpty()) {
            s.add(Page.Block.missing("No run has logged metrics yet."));
        } else {
            s.add(Page.Block.figures(null, figures));
        }
        return s.build();
    }
}
