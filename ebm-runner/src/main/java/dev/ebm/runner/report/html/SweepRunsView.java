package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The run tables of a sweep report: state and errors of every run, and the final metrics of every run. */
final class SweepRunsView {
    private SweepRunsView() {}

    /** Every run: case, seed, state, wall time, last step and error; the name links to the run's report or directory. */
    static Page.Section status(SweepFiles sweep, Map<String, RunFiles> runs, Path outDir) {
        Page.SectionBuilder s = new Page.SectionBuilder("runs", "Runs (sweep.json)");
        if (sweep.runs().isEmpty()) {
            s.add(Page.Block.missing("No runs: neither sweep.json nor runs/ lists any."));
            return s.build();
        }
        Table.Builder t = Table.of("runs-table", null, List.of("run", "case", "seed", "state", "wall time", "last step",
                "error"));
        for (SweepFiles.RunEntry e : sweep.runs()) {
            RunFiles r = runs.get(e.name());
            Path report = e.dir().resolve(ReportFiles.DEFAULT_NAME);
            String href = null;
            if (Files.isRegularFile(report)) {
                href = link(outDir, report);
            } else if (r != null) {
                href = link(outDir, e.dir()) + "/";
            }
            long last = r == null ? -1 : r.lastStep();
            long planned = r == null ? -1 : r.plannedSteps();
            t.row(List.of(new Table.Cell(e.name(), null, href, null), Table.Cell.text(e.caseName()),
                    Table.Cell.num(e.seed()), new Table.Cell(e.state(), null, null, "state-" + e.state()),
                    Table.Cell.num(Fmt.seconds(e.wallS())),
                    Table.Cell.num(last < 0 ? Fmt.NONE : last + (planned > 0 ? " / " + planned : "")),
                    new Table.Cell(e.error() == null ? "" : e.error(), null, null, "error")));
        }
        s.add(Page.Block.text("Each run's name links to its own report (bin/ebm report on the run directory) when "
                + "there is one, else to its directory."));
        s.add(Page.Block.table(t.build()));
        return s.build();
    }

    /** The final value of each summary metric per run, from its eval.json or else its last metrics line. */
    static Page.Section finalMetrics(SweepFiles sweep, Map<String, RunFiles> runs) {
        Page.SectionBuilder s = new Page.SectionBuilder("run-metrics", "Final metrics per run");
        List<String> metrics = sweep.summary() != null ? sweep.summary().metrics().stream()
                .filter(m -> !m.equals("wall_s")).toList() : defaultMetrics(runs);
        if (runs.isEmpty() || metrics.isEmpty()) {
            s.add(Page.Block.missing("No run directory with metrics yet."));
            return s.build();
        }
        List<String> head = new ArrayList<>(List.of("run", "case", "seed"));
        head.addAll(metrics);
        Table.Builder t = Table.of("run-metrics-table", null, head);
        for (SweepFiles.RunEntry e : sweep.runs()) {
            RunFiles r = runs.get(e.name());
            if (r == null) {
                continue;
            }
            List<Table.Cell> row = new ArrayList<>(List.of(Table.Cell.text(e.name()), Table.Cell.text(e.caseName()),
                    Table.Cell.num(e.seed())));
            for (String m : metrics) {
                JsonNode v = Curves.lookup(r.eval(), m);
                if (v == null) {
                    v = Curves.lookup(r.lastMetrics(), m);
                }
                row.add(Table.Cell.num(Fmt.value(v)));
            }
            t.row(row);
        }
        s.add(Page.Block.table(t.build()));
        return s.build();
    }

    private static List<String> defaultMetrics(Map<String, RunFiles> runs) {
        for (RunFiles r : runs.values()) {
            if (r.eval() != null) {
                return Flatten.leaves(r.eval()).entrySet().stream().filter(e -> e.getValue().isNumber())
                        .map(Map.Entry::getKey).toList();
            }
        }
        return List.of();
    }

    private static String link(Path from, Path to) {
        try {
            String rel = from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
            return new java.net.URI(null, null, rel, null).toASCIIString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return to.toAbsolutePath().normalize().toUri().toString();
        }
    }
}
