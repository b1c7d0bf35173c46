package dev.ebm.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.engine.ChildCommand;
import dev.ebm.runner.engine.LocalProcesses;
import dev.ebm.runner.engine.RunExecutor;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.sweep.SweepPlan.ResolvedRun;
import dev.ebm.runner.sweep.SweepStatus.State;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a resolved sweep in its directory: takes the lock, checks the run directories already there, then trains
 * every unfinished run as a child process ({@code bin/ebm train RUN/spec.resolved.yaml --out RUN --resume}),
 * {@code workers} at a time, on this machine or as tasks of an engine (the options' {@link RunExecutor}), and writes {@code sweep.json} as runs start and end and the summary at the end. A
 * failing run does not stop the others. Stopping the sweep (Ctrl-C, {@code kill}) stops its children through a
 * shutdown hook and leaves their runs pending, to resume next time.
 */
public final class SweepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);
    /** Exit codes of a child killed by SIGINT or SIGTERM: its run was interrupted, not failed. */
    private static final Set<Integer> INTERRUPTED = Set.of(130, 143);

    private final SpecLoader loader;
    private final PrintStream out;
    private volatile boolean stopping;
    private volatile RunExecutor executor;
    private boolean interrupted;

    /**
     * How to run.
     *
     * @param dir the sweep directory
     * @param metric the metric to plot, or null for the default ({@code kl} when present)
     */
    public record Options(Path dir, int workers, int threads, String metric, ChildLauncher launcher,
            RunExecutor executor) {
        /** Runs on this machine, each run a child process of this one. */
        public Options(Path dir, int workers, int threads, String metric, ChildLauncher launcher) {
            this(dir, workers, threads, metric, launcher, new LocalProcesses());
        }
    }

    /** What the sweep ended with: runs done, failed and not finished (interrupted). */
    public record Result(int done, int failed, int pending, List<SweepStatus.Run> failures) {}

    public SweepRunner(SpecLoader loader, PrintStream out) {
        this.loader = loader;
        this.out = out;
    }

    /**
     * Runs {@code runs} (the resolved plan of {@code sweep}) in {@code opt.dir()}.
     *
     * @throws SweepLock.HeldException when another sweep runs in the directory
     * @throws SpecException when a run directory there holds a different spec than the sweep's for it
     */
    public Result run(SweepFile sweep, List<ResolvedRun> runs, Options opt) {
        Path dir = opt.dir();
        try (SweepLock lock = SweepLock.acquire(dir)) {
            List<SpecProblem> mismatches = new ArrayList<>();
            Map<String, RunDirState> states = new ConcurrentHashMap<>();
            for (ResolvedRun r : runs) {
                RunDirState s = RunDirState.inspect(runDir(dir, r), r.yaml(), r.spec().train().steps(), loader);
                states.put(r.run().dir(), s);
                if (s.specMismatch() != null) {
                    mismatches.add(new SpecProblem("runs/" + r.run().dir(), s.specMismatch() + "; delete that "
                            + "directory to run it with the sweep's spec, or choose another --out"));
                }
            }
            if (!mismatches.isEmpty()) {
                throw new SpecException(mismatches);
            }
            SweepFiles.writeResolvedSweep(sweep, loader.mapper(), dir.resolve("sweep.yaml"));
            Map<String, Double> wall = SweepStatus.previousWallTimes(dir.resolve("sweep.json"));
            SweepStatus status = new SweepStatus(dir.resolve("sweep.json"), sweep.file().toString(), opt.workers(),
                    opt.threads());
            List<ResolvedRun> todo = new ArrayList<>();
            for (ResolvedRun r : runs) {
                String rel = "runs/" + r.run().dir();
                boolean finished = states.get(r.run().dir()).finished();
                Double w = wall.containsKey(rel) ? wall.get(rel) : finished ? trainWall(runDir(dir, r)) : null;
                status.put(new SweepStatus.Run(r.run().caseName(), r.run().seed(), rel,
                        finished ? State.DONE : State.PENDING, null, w));
                if (!finished) {
                    todo.add(r);
                }
            }
            SweepProgress progress = new SweepProgress(out, opt.workers(), runs.size(), runs.size() - todo.size());
            for (ResolvedRun r : todo) {
                progress.pending(r.run().dir(), CostModel.seconds(loader.mapper().valueToTree(r.spec()),
                        states.get(r.run().dir()).checkpointStep()));
            }
            LOG.info("sweep {} in {}: {} runs, {} finished, {} to run ({} at a time, {} thread(s) each)",
                    sweep.file().getFileName(), dir, runs.size(), runs.size() - todo.size(), todo.size(),
                    opt.workers(), opt.threads());
            out.println(progress.line());
            execute(todo, states, status, progress, opt);
            return finish(status, opt);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void execute(List<ResolvedRun> todo, Map<String, RunDirState> states, SweepStatus status,
            SweepProgress progress, Options opt) {
        executor = opt.executor();
        Thread hook = new Thread(() -> stop(status), "sweep-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ExecutorService pool = Executors.newFixedThreadPool(opt.workers());
        try {
            for (ResolvedRun r : todo) {
                pool.submit(() -> runOne(r, states.get(r.run().dir()), status, progress, opt));
            }
            pool.shutdown();
            while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                progress.tick();
            }
        } catch (InterruptedException e) {
            // the interrupt is restored when the sweep has written its files (file channels refuse interrupted
            // threads)
            interrupted = true;
            stop(status);
        } finally {
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
    }

    private void runOne(ResolvedRun r, RunDirState state, SweepStatus status, SweepProgress progress, Options opt) {
        if (stopping) {
            return;
        }
        String rel = "runs/" + r.run().dir();
        Path runDir = runDir(opt.dir(), r);
        Path console = runDir.resolve("console.log");
        Double before = status.get(rel).wallS();
        long t0 = System.nanoTime();
        List<String> args = List.of("train", runDir.resolve("spec.resolved.yaml").toAbsolutePath().toString(),
                "--out", runDir.toAbsolutePath().toString(), "--resume");
        State end;
        String error = null;
        try {
            Files.createDirectories(runDir);
            if (!Files.exists(runDir.resolve("spec.resolved.yaml"))) {
                Files.writeString(runDir.resolve("spec.resolved.yaml"), r.yaml());
            }
            Files.writeString(console, "=== " + Instant.now() + " sweep child: bin/ebm " + String.join(" ", args)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ChildCommand cmd = opt.launcher().command(args, opt.threads(), console);
            status.put(new SweepStatus.Run(r.run().caseName(), r.run().seed(), rel, State.RUNNING, null, before));
            int code = opt.executor().run(cmd, where -> {
                LOG.info("{}: started ({}){}", rel, where, state.checkpointStep() > 0
                        ? ", resuming from step " + state.checkpointStep() : "");
                progress.started(r.run().dir());
            });
            if (code == 0 && RunDirState.finished(runDir, r.spec().train().steps())) {
                end = State.DONE;
            } else if (stopping || INTERRUPTED.contains(code)) {
                end = State.PENDING;
                error = "interrupted (exit " + code + ")";
            } else {
                end = State.FAILED;
                error = "exit " + code + (code == 0 ? " without a complete eval.json" : "") + ": "
                        + String.join(System.lineSeparator(), RunDirState.tail(console, 5));
            }
        } catch (IOException e) {
            end = stopping ? State.PENDING : State.FAILED;
            error = stopping ? "interrupted" : "cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = State.PENDING;
            error = "interrupted";
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        status.put(new SweepStatus.Run(r.run().caseName(), r.run().seed(), rel, end, error,
                (before == null ? 0 : before) + seconds));
        if (end == State.DONE) {
            LOG.info("{}: done in {}", rel, CostModel.words(seconds));
        } else if (end == State.FAILED) {
            LOG.warn("{}: FAILED ({}); its log: {}", rel, error, console);
        }
        progress.ended(r.run().dir(), end == State.DONE, seconds);
    }

    /**
     * Stops every child (locally SIGTERM to the process and its descendants, SIGKILL after 10 s; an engine cancels
     * its tasks, which do the same); runs left pending.
     */
    private void stop(SweepStatus status) {
        if (stopping) {
            return;
        }
        stopping = true;
        long running = status.runs().stream().filter(r -> r.state() == State.RUNNING).count();
        if (running > 0) {
            System.err.println("sweep stopping: ending " + running + " run(s); run the sweep again to resume");
        }
        executor.stopAll();
        for (SweepStatus.Run r : status.runs()) {
            if (r.state() == State.RUNNING) {
                status.put(new SweepStatus.Run(r.caseName(), r.seed(), r.dir(), State.PENDING, "interrupted",
                        r.wallS()));
            }
        }
    }

    private Result finish(SweepStatus status, Options opt) {
        Map<State, Integer> counts = status.counts();
        List<SweepStatus.Run> failures = status.runs().stream().filter(r -> r.state() == State.FAILED).toList();
        SweepFiles.writeSummary(opt.dir(), opt.metric(), out);
        return new Result(counts.get(State.DONE), counts.get(State.FAILED),
                counts.get(State.PENDING) + counts.get(State.RUNNING), failures);
    }

    private static Path runDir(Path dir, ResolvedRun r) {
        return dir.resolve("runs").resolve(r.run().dir());
    }

    private static Double trainWall(Path runDir) {
        try {
            JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runDir.resolve("eval.json")
                    .toFile());
            return n.path("train_wall_s").isNumber() ? n.path("train_wall_s").asDouble() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
