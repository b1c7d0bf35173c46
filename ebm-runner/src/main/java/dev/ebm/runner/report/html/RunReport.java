package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.explain.Explainer;
import dev.ebm.runner.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of one run directory: status and what is missing, the evaluation, training curves, sample pictures,
 * density plots, what the spec optimises ({@code bin/ebm explain}), the spec and the provenance. Every piece is
 * optional: what a run lacks (killed before its evaluation, an image run without density plots) is said, not fatal.
 */
public final class RunReport {
    private static final int SAMPLES_SHOWN = 4;
    private final SpecLoader loader;

    /** @param loader binds the spec for the explanation; null leaves the explanation out */
    public RunReport(SpecLoader loader) {
        this.loader = loader;
    }

    /** The page for {@code dir}. */
    public Page page(Path dir) {
        RunFiles run = RunFiles.read(dir);
        List<Page.Section> sections = new ArrayList<>();
        sections.add(Page.guard("status", "Status", () -> status(run)));
        sections.add(Page.guard("evaluation", "Evaluation (eval.json)", () -> evaluation(run)));
        sections.add(Page.guard("curves", "Training curves (metrics.jsonl)", () -> curves(run)));
        sections.add(Page.guard("samples", "Samples", () -> samples(run)));
        sections.add(Page.guard("density", "Energy and density", () -> plots(run)));
        sections.add(Page.guard("explain", "What the spec optimises (bin/ebm explain)", () -> explain(run)));
        sections.add(Page.guard("spec", "Spec (spec.resolved.yaml)", () -> spec(run)));
        sections.add(Page.guard("provenance", "Provenance (provenance.json)",
                () -> ProvenanceView.section(run.provenance(), run.spec())));
        return new Page("Run " + run.name(), facts(run), sections, ReportFiles.footer(dir));
    }

    private static List<Page.Fact> facts(RunFiles run) {
        List<Page.Fact> facts = new ArrayList<>();
        facts.add(new Page.Fact("directory", run.dir().toAbsolutePath().normalize().toString()));
        facts.add(new Page.Fact("status", statusWords(run)));
        JsonNode spec = run.spec();
        if (spec != null && spec.has("seed")) {
            facts.add(new Page.Fact("seed", spec.get("seed").asText()));
        }
        JsonNode prov = run.provenance();
        if (prov != null && prov.has("git_commit")) {
            String c = prov.get("git_commit").asText();
            facts.add(new Page.Fact("git commit", c.length() > 12 && !c.equals("unknown") ? c.substring(0, 12)
                    + (c.endsWith("-dirty") ? "-dirty" : "") : c));
        }
        JsonNode eval = run.eval();
        if (eval != null && eval.has("train_wall_s")) {
            facts.add(new Page.Fact("training time", Fmt.seconds(eval.get("train_wall_s").asDouble())));
        }
        return facts;
    }

    /** "finished: 3000 of 3000 steps, evaluated", "stopped at step 40 of 60 (no eval.json)", ... */
    static String statusWords(RunFiles run) {
        long last = run.lastStep();
        long planned = run.plannedSteps();
        String steps = "step " + last + (planned > 0 ? " of " + planned : "");
        if (run.eval() != null) {
            return last < 0 ? "evaluated (no metrics logged)" : "finished (" + steps + "), evaluated";
        }
        return last < 0 ? "not started: no step logged, no eval.json" : "not finished: " + steps + ", no eval.json";
    }

    private static Page.Section status(RunFiles run) {
        Page.SectionBuilder s = new Page.SectionBuilder("status", "Status");
        s.add(Page.Block.text("This run is " + statusWords(run) + "."));
        List<String> missing = new ArrayList<>();
        if (run.specText() == null) {
            missing.add("spec.resolved.yaml: not found");
        }
        if (run.provenance() == null) {
            missing.add("provenance.json: not found or unreadable");
        }
        if (run.metrics().isEmpty()) {
            missing.add("metrics.jsonl: no metrics logged (no training curves)");
        }
        if (run.eval() == null) {
            missing.add("eval.json: not written (the run stopped before its final evaluation, or is still "
                    + "running; bin/ebm eval recomputes it from the latest checkpoint)");
        }
        if (run.samples().isEmpty()) {
            missing.add("samples/step-N.png: no sample pictures");
        }
        missing.addAll(run.problems());
        if (!missing.isEmpty()) {
            s.add(new Page.Block("Missing or unreadable", null, null, missing, null, null, null));
        }
        return s.build();
    }

    private static Page.Section evaluation(RunFiles run) {
        Page.SectionBuilder s = new Page.SectionBuilder("evaluation", "Evaluation (eval.json)");
        if (run.eval() == null) {
            s.add(Page.Block.missing("No eval.json: the run has not reached its final evaluation (it was stopped "
                    + "early or is still running)."));
        } else {
            EvalView.blocks(run.eval()).forEach(s::add);
        }
        return s.build();
    }

    private static Page.Section curves(RunFiles run) {
        Page.SectionBuilder s = new Page.SectionBuilder("curves", "Training curves (metrics.jsonl)");
        if (run.metrics().isEmpty()) {
            s.add(Page.Block.missing("No metrics.jsonl lines: nothing was logged."));
            return s.build();
        }
        List<Page.Figure> figures = new ArrayList<>();
        for (Curves.Group g : Curves.groups(run.metrics())) {
            figures.add(Figures.chart(g.title(), Charts.lines(g.title(), "step", null,
                    Curves.lines(run.metrics(), g))));
        }
        s.add(Page.Block.text(run.metrics().size() + " logged steps, from step "
                + run.metrics().get(0).path("step").asText() + " to " + run.lastStep() + "."));
        s.add(Page.Block.figures(null, figures));
        return s.build();
    }

    private static Page.Section samples(RunFiles run) {
        Page.SectionBuilder s = new Page.SectionBuilder("samples", "Samples");
        List<RunFiles.Sample> all = run.samples();
        if (all.isEmpty()) {
            s.add(Page.Block.missing("No sample pictures (samples/step-N.png): runs on 2-D or image data write "
                    + "them every train.sampleEvery steps and at the last step."));
            return s.build();
        }
        List<Page.Figure> figures = new ArrayList<>();
        for (RunFiles.Sample p : pick(all, SAMPLES_SHOWN)) {
            boolean latest = p == all.get(all.size() - 1);
            figures.add(Figures.file(p.png(), "step " + p.step() + (latest ? " (latest)" : ""), Charts.WIDTH));
        }
        s.add(Page.Block.text(all.size() == 1 ? "The only sample picture (samples/step-N.png)."
                : all.size() <= SAMPLES_SHOWN ? "All " + all.size() + " sample pictures (samples/step-N.png)."
                : "The latest of " + all.size() + " sample pictures (samples/step-N.png) and " + (figures.size() - 1)
                        + " earlier ones spread over the run."));
        s.add(Page.Block.figures(null, figures));
        return s.build();
    }

    /** At most {@code k} items spread evenly over {@code all}, the first and the last included, in order. */
    static <T> List<T> pick(List<T> all, int k) {
        if (all.size() <= k) {
            return all;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int idx = (int) Math.round(i * (all.size() - 1) / (double) (k - 1));
            if (out.isEmpty() || out.get(out.size() - 1) != all.get(idx)) {
                out.add(all.get(idx));
            }
        }
        return out;
    }

    private static Page.Section plots(RunFiles run) {
        Page.SectionBuilder s = new Page.SectionBuilder("density", "Energy and density");
        List<Page.Figure> density = new ArrayList<>();
        List<Page.Figure> other = new ArrayList<>();
        run.plots().forEach((name, path) -> {
            switch (name) {
                case "energy.png" -> density.add(Figures.file(path, "energy landscape (plots/energy.png)",
                        Charts.WIDTH));
                case "density.png" -> density.add(Figures.file(path,
                        "learned density beside the data density (plots/density.png)", 2 * Charts.WIDTH + 14));
                case "loss.png" -> { } // the training curves above are drawn from the same metrics
                default -> other.add(Figures.file(path, "plots/" + name, 2 * Charts.WIDTH + 14));
            }
        });
        if (density.isEmpty()) {
            s.add(Page.Block.missing("No density plots (plots/energy.png, plots/density.png): they are drawn for "
                    + "2-D data with an exact density, when the run is evaluated"
                    + (run.eval() == null ? " (this run was not)." : " (this run's data has none).")));
        } else {
            s.add(Page.Block.figures(null, density));
        }
        if (!other.isEmpty()) {
            s.add(Page.Block.figures("Other plots", other));
        }
        return s.build();
    }

    private Page.Section explain(RunFiles run) {
        Page.SectionBuilder s = new Page.SectionBuilder("explain", "What the spec optimises (bin/ebm explain)");
        if (run.specText() == null || loader == null) {
            s.add(Page.Block.missing(run.specText() == null ? "No spec.resolved.yaml to explain."
                    : "The explanation was not computed."));
            return s.build();
        }
        Explainer.Explanation ex;
        try {
            ex = new Explainer(loader.registry()).explain(loader.parse(run.specText(), List.of()));
        } catch (SpecException e) {
            s.add(Page.Block.missing("The spec does not load with the plugins of this installation, so it cannot "
                    + "be explained: " + e.getMessage()));
            return s.build();
        }
        Table.Builder t = Table.keyValue("explain-table", null, "", "");
        t.row("objective", ex.objective() + " [" + ex.code() + "]");
        t.row("chains", ex.chains().words());
        if (ex.temperature() != null) {
            t.row("sampler temperature", "T = " + Fmt.number(ex.temperature()));
        }
        s.add(Page.Block.table(t.build()));
        s.add(Page.Block.items("Why", ex.reasons()));
        if (!ex.warnings().isEmpty()) {
            s.add(Page.Block.items("Warnings", ex.warnings().stream().map(w -> "[" + w.code() + "] " + w.message())
                    .toList()));
        }
        if (!ex.refusals().isEmpty()) {
            s.add(Page.Block.items("bin/ebm train refuses this spec", ex.refusals().stream().map(Object::toString)
                    .toList()));
        }
        return s.build();
    }

    private static Page.Section spec(RunFiles run) {
        Page.SectionBuilder s = new Page.SectionBuilder("spec", "Spec (spec.resolved.yaml)");
        if (run.specText() == null) {
            s.add(Page.Block.missing("No spec.resolved.yaml."));
        } else {
            s.add(Page.Block.pre(null, run.specText()));
        }
        return s.build();
    }
}
