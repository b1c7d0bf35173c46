package dev.ebm.runner.cli;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.explain.Explainer;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.io.OutputException;
import dev.ebm.runner.train.CheckpointException;
import dev.ebm.runner.train.Checkpoints;
import dev.ebm.runner.train.DivergenceException;
import dev.ebm.runner.train.TrainRun;
import dev.ebm.runner.wiring.RunScope;
import dev.ebm.runner.wiring.Runs;
import dev.ebm.runner.wiring.StepMetrics;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/ebm train SPEC [--set k=v]... [--out DIR] [--resume]}. */
@Command(name = "train", description = "Train the model a spec describes.")
public final class TrainCommand implements Callable<Integer> {
    private final SpecLoader loader;
    private final PluginRegistry registry;
    private final Runs runs;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A YAML or JSON spec file.")
    Path spec;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a spec field, e.g. sampler.steps=20.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/NAME-TIMESTAMP).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out (or the newest run of this spec's name) "
            + "from its last checkpoint.")
    boolean resume;

    @Inject
    TrainCommand(SpecLoader loader, PluginRegistry registry, Runs runs) {
        this.loader = loader;
        this.registry = registry;
        this.runs = runs;
    }

    @Override
    public Integer call() {
        ExperimentSpec s;
        try {
            s = loader.load(spec, sets);
            var missing = new ArrayList<>(s.trainingProblems());
            missing.addAll(new Explainer(registry).explain(s).refusals());
            if (!missing.isEmpty()) {
                throw new SpecException(missing);
            }
        } catch (SpecException e) {
            System.err.println(spec + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Path runDir = out;
        if (runDir == null && resume) {
            runDir = newestRun(s.name());
            if (runDir == null) {
                System.err.println("--resume: no run of '" + s.name() + "' under runs/; pass --out DIR");
                return ExitCodes.BAD_INPUT;
            }
        }
        if (runDir == null) {
            runDir = Paths.get("runs", s.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        if (Files.exists(runDir) && !resume && !isEmptyDir(runDir)) {
            System.err.println(runDir + " already exists: pass --resume to continue it, or choose another --out");
            return ExitCodes.BAD_INPUT;
        }
        List<String> args = new ArrayList<>(List.of("train", spec.toString()));
        sets.forEach(v -> args.add("--set " + v));
        try {
            RunScope scope = runs.open(s, runDir, new StepMetrics());
            new TrainRun(loader, scope, System.out).run(s, runDir, resume, System.console() != null, args, step -> {});
            System.out.println("done: " + runDir);
            return 0;
        } catch (SpecException e) {
            System.err.println(spec + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (DivergenceException e) {
            // the reason was logged (terminal and run.log) where the run stopped
            System.err.println("the last checkpoint (if any) is in " + runDir.resolve("checkpoints"));
            return ExitCodes.DIVERGED;
        } catch (CheckpointException e) {
            System.err.println("cannot resume: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (OutputException e) {
            System.err.println("stopped: " + e.getMessage());
            System.err.println(lastCheckpoint(runDir));
            return ExitCodes.OUTPUT_FAILED;
        }
    }

    private static String lastCheckpoint(Path runDir) {
        try {
            return new Checkpoints(runDir, Integer.MAX_VALUE).newestGood(note -> {})
                    .map(c -> "the last checkpoint, " + c.dir() + ", is intact (verified); free space or fix the "
                            + "directory, then continue with --resume")
                    .orElse("no checkpoint was written");
        } catch (RuntimeException e) {
            return "no checkpoint could be listed under " + runDir;
        }
    }

    private static boolean isEmptyDir(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Path newestRun(String name) {
        Path runs = Paths.get("runs");
        if (!Files.isDirectory(runs)) {
            return null;
        }
        try (var s = Files.list(runs)) {
            return s.filter(p -> p.getFileName().toString().startsWith(name + "-")).sorted().reduce((a, b) -> b).orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
