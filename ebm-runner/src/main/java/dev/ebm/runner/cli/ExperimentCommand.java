package dev.ebm.runner.cli;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.experiment.ExperimentFile;
import dev.ebm.runner.experiment.ExperimentRunner;
import dev.ebm.runner.log.RunLog;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.sweep.ChildLauncher;
import dev.ebm.runner.sweep.SweepLock;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/ebm experiment FILE [--out DIR] [--report DIR] [--set k=v]... [--with k=v]... [--threads T]
 * [--seeds LIST] [--no-train]}.
 */
@Command(name = "experiment", description = {
    "Run an experiment file (docs/EXPERIMENTS.md): train the runs of its sweeps that it analyses, one at a time "
        + "(finished runs are reused, unfinished ones resume), run its test-time analyses on every finished model "
        + "(chains from noise or test images classified along the way, energy along lines to noise; results are "
        + "reused when nothing changed), and write a Markdown report with PNGs.",
    "DIR holds sweeps/SWEEP/ (ordinary sweep directories, shared by experiments with the same DIR) and "
        + "NAME/ANALYSIS/CASE-seedN/ (result.json, starts.npy, finals.npy, strip.png).",
    "Exit code 0 when every model was trained and analysed, 5 when some training runs are unfinished (the others "
        + "are analysed), 2 for a bad file, 6 when another process runs one of the sweeps."})
public final class ExperimentCommand implements Callable<Integer> {
    private final SpecLoader loader;
    private final PluginRegistry registry;

    @Parameters(index = "0", paramLabel = "FILE", description = "An experiment file (YAML).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default runs/experiments).")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Where report.md and its PNGs go (default "
            + "DIR/NAME/report).")
    Path report;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a spec field in every training run "
            + "of every sweep, e.g. train.steps=20 (as bin/ebm sweep --set).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--with", paramLabel = "PATH=VALUE", description = "Override a field of the experiment file, "
            + "e.g. analyses.from-noise.steps=100 or 'analyses.funnel.vary={sampler.noise: [0.005, 0.1]}'.")
    List<String> with = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "Native threads per training "
            + "run (default ${DEFAULT-VALUE}); the analyses use this process's (EBM_THREADS).")
    int threads;

    @Option(names = "--seeds", paramLabel = "LIST", split = ",", description = "Train and analyse these seeds "
            + "of every sweep instead of the sweeps' own, e.g. --seeds 1 for a quick look.")
    List<Long> seeds;

    @Option(names = "--no-train", description = "Train nothing: analyse the runs that have finished.")
    boolean noTrain;

    @Inject
    ExperimentCommand(SpecLoader loader, PluginRegistry registry) {
        this.loader = loader;
        this.registry = registry;
    }

    @Override
    public Integer call() {
        ExperimentFile exp;
        try {
            exp = ExperimentFile.read(file, with, loader.mapper());
        } catch (SpecException e) {
            System.err.println(file + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Path dir = out != null ? out : Paths.get("runs", "experiments");
        Path reportDir = report != null ? report : dir.resolve(exp.name()).resolve("report");
        StringBuilder cmd = new StringBuilder("bin/ebm experiment " + file);
        if (out != null) {
            cmd.append(" --out ").append(out);
        }
        if (report != null) {
            cmd.append(" --report ").append(report);
        }
        sets.forEach(s -> cmd.append(" --set '").append(s).append("'"));
        with.forEach(s -> cmd.append(" --with '").append(s).append("'"));
        if (seeds != null) {
            cmd.append(" --seeds ").append(String.join(",", seeds.stream().map(String::valueOf).toList()));
        }
        if (noTrain) {
            cmd.append(" --no-train");
        }
        ExperimentRunner.Options opt = new ExperimentRunner.Options(dir, reportDir, sets, seeds, !noTrain, threads,
                ChildLauncher.current(), cmd.toString());
        try (RunLog log = RunLog.attach(dir.resolve(exp.name()).resolve("experiment.log"))) {
            ExperimentRunner.Outcome o = new ExperimentRunner(loader, registry, System.out).run(exp, opt);
            return o.unfinished().isEmpty() ? 0 : ExitCodes.SOME_FAILED;
        } catch (SweepLock.HeldException e) {
            System.err.println("experiment: " + e.getMessage());
            return ExitCodes.BUSY;
        } catch (SpecException e) {
            System.err.println(file + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println("experiment: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
