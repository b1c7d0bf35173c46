package dev.ebm.runner.cli;

import dev.ebm.api.run.MetricsSink;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.sample.SampleRun;
import dev.ebm.runner.sample.SampleSource;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.wiring.RunScope;
import dev.ebm.runner.wiring.Runs;
import jakarta.inject.Inject;
import java.io.IOException;
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

/**
 * {@code bin/ebm sample SOURCE [--chains N] [--steps K] [--burn B] [--thin T] [--set k=v]... [--out DIR] [--force]}.
 */
@Command(name = "sample", description = {
    "Run MCMC chains on an energy and report samples and convergence diagnostics.",
    "SOURCE is a spec whose energy needs no training (an analytic energy; it needs only 'energy' and "
        + "'sampler', chains start from its 'negatives', by default Gaussian noise with std 1), a run directory "
        + "(its spec.resolved.yaml and latest checkpoint) or a checkpoint directory (checkpoints/step-N).",
    "Writes samples.npy (final positions, [chains, ...sample shape]), chain.png and info.json (accept_rate, "
        + "energies, wall time, bulk ESS and rank-normalised split R-hat across chains for the energy and, for "
        + "samples of at most 10 coordinates, each coordinate x0, x1, ...)."})
public final class SampleCommand implements Callable<Integer> {
    private final SpecLoader loader;
    private final Runs runs;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "A spec file, a run directory or a checkpoint.")
    Path source;

    @Option(names = "--chains", paramLabel = "N", defaultValue = "1000",
            description = "Chains (default ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--steps", paramLabel = "K", description = "Steps per chain (default: the sampler's 'steps'); "
            + "the same as --set sampler.steps=K, applied after the other overrides.")
    Integer steps;

    @Option(names = "--burn", paramLabel = "B", description = "Leading steps left out of ESS and R-hat (default: half "
            + "the steps, and at least the sampler's adaptation warm-up).")
    Integer burn;

    @Option(names = "--thin", paramLabel = "T", description = "Record energies and coordinates every T-th step "
            + "(default 1, raised when the record would pass 256 MiB).")
    Integer thin;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a spec field, e.g. "
            + "sampler.epsilon=0.3; for a run or checkpoint, the run's spec.resolved.yaml is overridden.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default runs/NAME-sample-TIMESTAMP).")
    Path out;

    @Option(names = "--force", description = "Write into --out even when it exists and is not empty (files of an "
            + "earlier sample there are replaced).")
    boolean force;

    @Inject
    SampleCommand(SpecLoader loader, Runs runs) {
        this.loader = loader;
        this.runs = runs;
    }

    @Override
    public Integer call() {
        SampleSource src;
        try {
            src = SampleSource.resolve(source);
        } catch (SampleSource.InvalidSourceException e) {
            System.err.println("sample: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<String> overrides = new ArrayList<>(sets);
        if (steps != null) {
            overrides.add("sampler.steps=" + steps);
        }
        Path dir = out;
        if (dir == null) {
            String name;
            try {
                name = loader.load(src.spec(), overrides).name();
            } catch (SpecException e) {
                System.err.println(src.spec() + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            dir = Paths.get("runs", name + "-sample-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        if (Files.exists(dir) && !force && !isEmptyDir(dir)) {
            System.err.println(dir + " already exists and is not empty: choose another --out, or pass --force to "
                    + "write into it");
            return ExitCodes.BAD_INPUT;
        }
        List<String> args = new ArrayList<>(List.of("sample", source.toString(), "--chains " + chains));
        if (steps != null) {
            args.add("--steps " + steps);
        }
        sets.forEach(v -> args.add("--set " + v));
        try {
            RunScope scope = runs.open(loader.load(src.spec(), overrides), dir, MetricsSink.DISCARD);
            var info = new SampleRun(loader, scope.registry(), System.out).run(src, overrides,
                    new SampleRun.Options(chains, burn, thin), dir, System.console() != null, args);
            System.out.println("done: " + dir);
            return info.path("diverged_chains").asInt() > 0 ? ExitCodes.DIVERGED : 0;
        } catch (SpecException e) {
            System.err.println(src.spec() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException | dev.ebm.runner.train.CheckpointException e) {
            System.err.println("sample: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (dev.ebm.runner.io.OutputException e) {
            System.err.println("sample: " + e.getMessage());
            return ExitCodes.OUTPUT_FAILED;
        }
    }

    private static boolean isEmptyDir(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
