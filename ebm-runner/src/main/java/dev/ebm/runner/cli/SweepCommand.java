package dev.ebm.runner.cli;

import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.engine.EngineOptions;
import dev.ebm.runner.engine.EngineSession;
import dev.ebm.runner.engine.Engines;
import dev.ebm.runner.engine.LocalProcesses;
import dev.ebm.runner.engine.RunExecutor;
import dev.ebm.runner.log.RunLog;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.sweep.ChildLauncher;
import dev.ebm.runner.sweep.SweepFile;
import dev.ebm.runner.sweep.SweepDryRun;
import dev.ebm.runner.sweep.SweepLock;
import dev.ebm.runner.sweep.SweepPlan;
import dev.ebm.runner.sweep.SweepRunner;
import dev.ebm.runner.sweep.Workers;
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
 * {@code bin/ebm sweep SWEEP.yaml [--out DIR] [--workers N] [--threads T] [--set k=v]... [--metric M] [--dry-run]
 * [--engine E [--master URL]]}.
 */
@Command(name = "sweep", description = {
    "Train a base spec under a grid of overrides and named cases, for several seeds, each run in its own process, "
        + "and summarise the final metrics per case over the seeds (docs/SWEEPS.md).",
    "DIR holds sweep.yaml, sweep.json (the state of every run), runs/CASE-seedN/ (ordinary run directories), "
        + "summary.csv, summary.md and plots/. Running the sweep again continues it: finished runs are skipped, "
        + "unfinished ones resume from their checkpoints.",
    "Exit code 0 when every run finished, 4 when some failed or were interrupted, 5 when another sweep runs in DIR."})
public final class SweepCommand implements Callable<Integer> {
    private final SpecLoader loader;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "A sweep file (YAML).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep directory (default runs/<sweep file name "
            + "without extension>).")
    Path out;

    @Option(names = "--workers", paramLabel = "N", description = "Runs at a time (default: cores / threads).")
    Integer workers;

    @Option(names = "--threads", paramLabel = "T", description = "Native threads per run (default 1); workers x "
            + "threads never exceeds the cores.")
    Integer threads;

    @Option(names = "--metric", paramLabel = "M", description = "The metric plotted per case (default kl when the "
            + "runs report it).")
    String metric;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a spec field in every run, e.g. "
            + "train.steps=20 (a one-value grid path: applied after the cases, replacing the grid's values of PATH).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the runs and their estimated cost; run nothing.")
    boolean dryRun;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "Where the runs run: local (default; child "
            + "processes of this one) or an engine on the class path, e.g. spark (each run a Spark task; bin/ebm "
            + "--engine spark puts Spark on the class path). docs/DISTRIBUTED.md")
    String engine = Engines.LOCAL;

    @Option(names = "--master", paramLabel = "URL", description = "The engine's master, e.g. local[2] (Spark's "
            + "default: local[cores]), spark://HOST:PORT, k8s://https://HOST:PORT.")
    String master;

    @Inject
    SweepCommand(SpecLoader loader) {
        this.loader = loader;
    }

    /** The default sweep directory of a sweep file: {@code runs/<file name without extension>}. */
    public static Path defaultDir(Path sweepFile) {
        String name = sweepFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return Paths.get("runs", name);
    }

    @Override
    public Integer call() {
        SweepFile sweep;
        List<SweepPlan.ResolvedRun> runs;
        SweepPlan plan;
        try {
            sweep = SweepFile.read(file, loader.mapper()).withSets(sets, loader.mapper());
            plan = SweepPlan.expand(sweep);
            runs = plan.resolve(loader);
        } catch (SpecException e) {
            System.err.println(file + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Path dir = out != null ? out : defaultDir(file);
        if (Engines.LOCAL.equals(engine) && master != null) {
            System.err.println("sweep: --master " + master + " needs an engine other than local, e.g. --engine spark");
            return ExitCodes.BAD_INPUT;
        }
        if (dryRun || Engines.LOCAL.equals(engine)) {
            Workers w;
            try {
                w = Workers.choose(workers, threads, Runtime.getRuntime().availableProcessors());
            } catch (IllegalArgumentException e) {
                System.err.println("sweep: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            w.notes().forEach(n -> System.err.println("sweep: " + n));
            if (dryRun) {
                new SweepDryRun(loader, System.out).print(file, plan, runs, dir, w);
                return 0;
            }
            return run(sweep, runs, dir, w, new LocalProcesses());
        }
        try (EngineSession session = Engines.find(engine).open(new EngineOptions(master,
                threads == null ? 1 : threads, "ebm sweep " + file.getFileName()))) {
            Workers w = Workers.choose(workers, session.threadsPerTask(), session.cores());
            w.notes().forEach(n -> System.err.println("sweep: " + n));
            System.err.printf("sweep: engine %s, master %s: %d run(s) at a time, %d thread(s) each%n", engine,
                    session.master(), w.workers(), w.threads());
            return run(sweep, runs, dir, w, session.runs());
        } catch (IllegalArgumentException e) {
            System.err.println("sweep: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private int run(SweepFile sweep, List<SweepPlan.ResolvedRun> runs, Path dir, Workers w, RunExecutor executor) {
        SweepRunner.Result result;
        try (RunLog log = RunLog.attach(dir.resolve("sweep.log"))) {
            result = new SweepRunner(loader, System.out).run(sweep, runs, new SweepRunner.Options(dir, w.workers(),
                    w.threads(), metric, ChildLauncher.current(), executor));
        } catch (SweepLock.HeldException e) {
            System.err.println("sweep: " + e.getMessage());
            return ExitCodes.BUSY;
        } catch (SpecException e) {
            System.err.println(dir + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        System.out.printf("sweep %s: %d done, %d failed, %d not finished; summary in %s%n", dir, result.done(),
                result.failed(), result.pending(), dir.resolve("summary.md"));
        for (var f : result.failures()) {
            System.out.println("FAILED " + f.dir() + ": " + f.error().replace("\n", "\n    "));
        }
        return result.failed() + result.pending() > 0 ? ExitCodes.SOME_FAILED : 0;
    }
}
