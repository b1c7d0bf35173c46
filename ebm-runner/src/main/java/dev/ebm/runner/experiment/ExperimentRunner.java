package dev.ebm.runner.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.sweep.ChildLauncher;
import dev.ebm.runner.sweep.RunDirState;
import dev.ebm.runner.sweep.SweepFile;
import dev.ebm.runner.sweep.SweepLock;
import dev.ebm.runner.sweep.SweepPlan;
import dev.ebm.runner.sweep.SweepRunner;
import dev.ebm.runner.sweep.SweepStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code bin/ebm experiment}: trains the experiment's sweeps (finished runs are skipped, unfinished ones
 * resume), runs every analysis on every finished model that does not have a reusable result yet, and writes the
 * report. Layout under {@code out}: {@code sweeps/SWEEP/} (ordinary sweep directories, shared by every experiment
 * with the same {@code out}) and {@code NAME/ANALYSIS/CASE-seedN/} (results).
 */
public final class ExperimentRunner {
    private final SpecLoader loader;
    private final PluginRegistry registry;
    private final PrintStream out;

    /**
     * How to run.
     *
     * @param out the output directory
     * @param report where the report goes (Markdown and PNGs)
     * @param sets {@code --set} overrides for every training run (as {@code bin/ebm sweep --set})
     * @param train whether to train (false: analyse the finished runs only)
     * @param threads native threads per training run
     * @param seeds the training seeds of every sweep instead of the sweeps' own, or null
     * @param command the command line, for the report
     */
    public record Options(Path out, Path report, List<String> sets, List<Long> seeds, boolean train, int threads,
            ChildLauncher launcher, String command) {}

    /** What happened: results computed and reused, the runs left unfinished, and the report's file. */
    public record Outcome(int computed, int reused, List<String> unfinished, Path report) {}

    public ExperimentRunner(SpecLoader loader, PluginRegistry registry, PrintStream out) {
        this.loader = loader;
        this.registry = registry;
        this.out = out;
    }

    /**
     * Runs {@code file}.
     *
     * @throws SpecException for a sweep or spec problem, or an unknown model name
     * @throws SweepLock.HeldException when another process runs one of the sweeps
     */
    public Outcome run(ExperimentFile file, Options opt) {
        long t0 = System.nanoTime();
        List<ModelRun> runs = new ArrayList<>();
        for (Path sweepPath : file.sweeps()) {
            runs.addAll(trainSweep(sweepPath, file, opt));
        }
        List<ModelRun> chosen = choose(file, runs);
        List<String> unfinished = chosen.stream().filter(r -> !r.finished()).map(ModelRun::label).toList();
        List<ModelRun> done = chosen.stream().filter(ModelRun::finished).toList();
        if (!unfinished.isEmpty()) {
            out.println("experiment: not analysed (training unfinished): " + unfinished);
        }
        List<ExperimentReport.Entry> entries = new ArrayList<>();
        int computed = 0;
        int reused = 0;
        Judge judge = null;
        for (ModelRun run : done) {
            StudiedModel model = null;
            for (Analysis a : file.analyses()) {
                if (a.models() != null && !a.models().contains(run.caseName())) {
                    continue;
                }
                Path dir = opt.out().resolve(file.name()).resolve(a.id()).resolve(run.label());
                if (judge == null) {
                    judge = Judge.of(StudiedModel.spec(run.dir(), loader).data(), registry, out);
                }
                if (model == null) {
                    model = StudiedModel.load(run.caseName(), run.seed(), run.dir(), loader, registry, judge, out);
                }
                ObjectNode key = Results.key(a, file.seed(), model);
                ObjectNode result = Results.reusable(dir, key);
                if (result != null) {
                    reused++;
                } else {
                    result = compute(a, model, judge, file.seed(), dir, key);
                    computed++;
                }
                entries.add(new ExperimentReport.Entry(a, run, result, dir));
            }
        }
        Path md = new ExperimentReport(file, opt, judge, loader).write(entries, chosen,
                (System.nanoTime() - t0) / 1e9);
        out.printf("experiment %s: %d results computed, %d reused; report %s%n", file.name(), computed, reused, md);
        return new Outcome(computed, reused, unfinished, md);
    }

    private ObjectNode compute(Analysis a, StudiedModel m, Judge judge, long seed, Path dir, ObjectNode key) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dir, e);
        }
        ObjectNode body = a.runsChains() ? ChainAnalysisRun.run(a, m, judge, seed, loader, dir, out)
                : LinesAnalysisRun.run(a, m, judge, seed, out);
        ObjectNode result = body.objectNode();
        result.set("key", key);
        result.put("analysis", a.id());
        result.put("type", a.type());
        result.put("model", m.caseName());
        result.put("seed", m.seed());
        result.put("run", m.runDir().toString());
        result.put("checkpoint_step", m.step());
        ObjectNode cl = result.putObject("classifier");
        cl.put("dataset", judge.dataset());
        cl.put("dir", judge.classifierDir().toString());
        cl.put("test_accuracy", judge.classifier().testAccuracy());
        result.setAll(body);
        Results.write(dir, result);
        return result;
    }

    /**
     * Trains the runs of one sweep whose cases the experiment analyses (unless {@code opt.train} is false) and
     * lists them.
     */
    private List<ModelRun> trainSweep(Path sweepPath, ExperimentFile file, Options opt) {
        SweepFile sweep = SweepFile.read(sweepPath, loader.mapper()).withSets(opt.sets(), loader.mapper());
        if (opt.seeds() != null) {
            sweep = new SweepFile(sweep.file(), sweep.base(), sweep.grid(), sweep.cases(), opt.seeds());
        }
        Set<String> wanted = new LinkedHashSet<>(file.models());
        file.analyses().forEach(a -> {
            if (a.models() != null) {
                wanted.addAll(a.models());
            }
        });
        List<SweepPlan.ResolvedRun> resolved = SweepPlan.expand(sweep).resolve(loader).stream()
                .filter(r -> file.models().isEmpty() || wanted.contains(r.run().caseName())).toList();
        String name = sweepPath.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path dir = opt.out().resolve("sweeps").resolve(name);
        if (opt.train()) {
            out.printf("experiment: training sweep %s -> %s%n", sweepPath, dir);
            new SweepRunner(loader, out).run(sweep, resolved, new SweepRunner.Options(dir, 1, opt.threads(), null,
                    opt.launcher()));
        }
        Map<String, Double> wall = SweepStatus.previousWallTimes(dir.resolve("sweep.json"));
        List<ModelRun> runs = new ArrayList<>();
        for (SweepPlan.ResolvedRun r : resolved) {
            Path runDir = dir.resolve("runs").resolve(r.run().dir());
            boolean finished = RunDirState.finished(runDir, r.spec().train().steps());
            runs.add(new ModelRun(name, r.run().caseName(), r.run().seed(), runDir, finished,
                    wall.get("runs/" + r.run().dir())));
        }
        return runs;
    }

    /** The runs of the experiment's models, in the order of {@code models} (all cases when it is empty). */
    private static List<ModelRun> choose(ExperimentFile file, List<ModelRun> runs) {
        Set<String> cases = new LinkedHashSet<>();
        runs.forEach(r -> cases.add(r.caseName()));
        List<String> order = file.models().isEmpty() ? new ArrayList<>(cases) : file.models();
        List<String> unknown = order.stream().filter(m -> !cases.contains(m)).toList();
        List<String> named = new ArrayList<>(order);
        file.analyses().forEach(a -> {
            if (a.models() != null) {
                a.models().stream().filter(m -> !cases.contains(m) && !unknown.contains(m)).forEach(m -> {
                    throw new SpecException("analyses." + a.name() + ".models", "unknown model '" + m + "'; the "
                            + "sweeps' cases: " + cases);
                });
            }
        });
        if (!unknown.isEmpty()) {
            throw new SpecException("models", "unknown " + unknown + "; the sweeps' cases: " + cases);
        }
        List<ModelRun> out = new ArrayList<>();
        for (String m : named) {
            runs.stream().filter(r -> r.caseName().equals(m)).forEach(out::add);
        }
        return out;
    }
}
