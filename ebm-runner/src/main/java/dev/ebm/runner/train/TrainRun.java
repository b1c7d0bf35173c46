package dev.ebm.runner.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.distributed.DistributedTraining;
import dev.ebm.runner.eval.RunEvaluation;
import dev.ebm.runner.log.RunLog;
import dev.ebm.runner.logz.LogZRun;
import dev.ebm.runner.report.ImageGrids;
import dev.ebm.runner.report.Plots;
import dev.ebm.runner.report.Provenance;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.wiring.RunScope;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code bin/ebm train}: prepares the run directory, trains, and writes the final evaluation and plots.
 */
public final class TrainRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainRun.class);
    private final SpecLoader loader;
    private final PluginRegistry registry;
    private final PrintStream out;
    private final RunScope scope;

    /** The longest the kernels' warm-up waits for a run's first step (image runs read their data first). */
    private static final long WARM_UP_HOLD_MS = 10_000;

    public TrainRun(SpecLoader loader, PluginRegistry registry, PrintStream out) {
        this.loader = loader;
        this.registry = registry;
        this.out = out;
        this.scope = null;
    }

    /** A run whose plugins are built through {@code scope}: they get its services injected; it times the run. */
    public TrainRun(SpecLoader loader, RunScope scope, PrintStream out) {
        this.loader = loader;
        this.registry = scope.registry();
        this.out = out;
        this.scope = scope;
    }

    /**
     * Trains {@code spec} into {@code runDir}.
     *
     * @param afterStep called after each step (tests use it to simulate a kill)
     * @return the evaluation written to {@code eval.json}
     */
    public ObjectNode run(ExperimentSpec spec, Path runDir, boolean resume, boolean terminal, List<String> args,
            java.util.function.LongConsumer afterStep) {
        // the kernels' background compilations wait for the first step: start-up has both cores (docs/PERFORMANCE.md)
        dev.ebm.autodiff.Kernels.holdWarmUp(WARM_UP_HOLD_MS);
        // built first, so that a spec the plugins refuse leaves no run directory behind
        Experiment ex = Experiment.build(spec, registry);
        dev.ebm.runner.eval.generator.NoiseFreeSetup.resolve(ex);
        if (spec.train().distributed() != null) {
            DistributedTraining.engine(spec);
        }
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve("spec.resolved.yaml"), loader.toYaml(spec));
        } catch (IOException e) {
            throw new dev.ebm.runner.io.OutputException("cannot prepare the run directory " + runDir, e);
        }
        Provenance.write(runDir.resolve("provenance.json"), spec, registry, args);
        try (RunLog log = RunLog.attach(runDir.resolve(RunLog.FILE))) {
            return train(ex, spec, runDir, resume, terminal, afterStep);
        }
    }

    /** Writes {@code samples/step-N.png}: negatives beside the data, for 2-D data and images. */
    public static Trainer.SampleSink sampleImages(Experiment ex, ExperimentSpec spec, Path runDir) {
        boolean twoD = ex.data.bounds().dim() == 2;
        boolean images = ex.data.sampleShape().length == 3;
        return (step, xPos, xNeg) -> {
            Path png = runDir.resolve("samples").resolve("step-" + step + ".png");
            if (twoD) {
                Plots.samples2d(xPos, xNeg, ex.data.bounds().widen(0.25), png);
            } else if (images) {
                ImageGrids.besideData(xPos, xNeg, ex.data.bounds().low()[0], ex.data.bounds().high()[0],
                        spec.name() + ", step " + step, png);
            }
        };
    }

    private ObjectNode train(Experiment ex, ExperimentSpec spec, Path runDir, boolean resume, boolean terminal,
            java.util.function.LongConsumer afterStep) {
        String chains = ex.needsNegatives
                ? registry.typeOf(spec.sampler()) + " sampler, " + registry.typeOf(spec.negatives()) + " negatives"
                : "no negative samples (no objective term needs them)";
        LOG.info("training {}: {} energy ({} parameters), {}, {} steps, seed {}", runDir,
                registry.typeOf(spec.energy()), ex.energy.parameters().size(), chains, spec.train().steps(),
                spec.seed());
        Trainer trainer = new Trainer(ex, runDir, out, terminal).onSamples(sampleImages(ex, spec, runDir));
        if (scope != null) {
            trainer.withRunServices(scope.clock(), scope.stepMetrics());
        }
        long start = System.nanoTime();
        long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        boolean[] first = {true};
        java.util.function.LongConsumer timedStep = step -> {
            if (first[0]) {
                first[0] = false;
                dev.ebm.autodiff.Kernels.releaseWarmUp();
                logStartUp(step);
            }
            afterStep.accept(step);
        };
        try {
            if (spec.train().distributed() != null) {
                // the workers write metrics, samples and checkpoints; the final parameters come from the last one
                DistributedTraining.train(spec, loader.toYaml(spec), runDir, resume, terminal, out);
                trainer.loadLatestParameters();
            } else {
                trainer.run(resume, timedStep);
            }
        } catch (DivergenceException e) {
            LOG.error("stopped: {}", e.getMessage());
            throw e;
        } finally {
            dev.ebm.autodiff.Kernels.releaseWarmUp();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                - cpuStart) / 1e9;
        Path metrics = runDir.resolve("metrics.jsonl");
        Plots.lossCurves(MetricsLog.read(metrics), runDir.resolve("plots").resolve("loss.png"));
        LOG.info("training done in {} s; evaluating step {}", String.format("%.1f", seconds), spec.train().steps());
        ObjectNode eval = new ObjectMapper().createObjectNode();
        eval.put("step", spec.train().steps());
        eval.put("train_wall_s", seconds);
        // CPU time of the training thread (with EBM_THREADS=1 all native work runs on it): busy machines disturb
        // it far less than the wall time
        if (spec.train().distributed() == null) {
            // (the workers of data-parallel training run on other threads or machines: this thread only waited)
            eval.put("train_cpu_s", cpuSeconds);
        }
        eval.setAll(RunEvaluation.evaluate(ex, runDir, out));
        if (spec.train().logZ() != null) {
            eval.set("log_z_estimate", LogZRun.forEval(loader, registry, runDir, spec.train().logZ(), out));
        }
        try {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(runDir.resolve("eval.json").toFile(), eval);
        } catch (IOException e) {
            throw new dev.ebm.runner.io.OutputException("cannot write " + runDir.resolve("eval.json"), e);
        }
        LOG.info("wrote eval.json: {}", eval);
        return eval;
    }

    /**
     * Logs how long the process took to its first training step: elapsed since the JVM started, and the CPU time of
     * this thread and of the whole process (JIT compilers and background threads included) by then.
     */
    private static void logStartUp(long step) {
        var runtime = java.lang.management.ManagementFactory.getRuntimeMXBean();
        double cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
        double process = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        LOG.info("step {} done {} s after the JVM started (CPU: this thread {} s, the process {} s)", step,
                String.format("%.2f", runtime.getUptime() / 1e3), String.format("%.2f", cpu),
                String.format("%.2f", process));
    }
}
