package dev.ebm.runner.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.ChainRun;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.run.RunClock;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import dev.ebm.runner.wiring.StepMetrics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop: data batch, negative chains, objective, gradient, update; with metrics, checkpoints,
 * sample snapshots and a stop on NaN or exploding quantities.
 *
 * <p>Step t draws all its randomness from {@code Rng(seed).fork(t)}, so a run resumed from a checkpoint sees
 * exactly the randomness the uninterrupted run would have seen. When no objective term needs negative samples
 * (NCE, score matching), no chains are run and the metrics have no {@code e_neg} or {@code accept_rate}. After
 * each optimizer update the energy's {@code afterUpdate} runs (spectral norm's power iteration), so the energy is
 * fixed within a step; its state is a checkpoint part of its own.
 */
public final class Trainer {
    /** The checkpoint part holding the energy's {@linkplain dev.ebm.api.EnergyFunction#state() state}. */
    public static final String ENERGY_PART = "energy";
    private final Experiment ex;
    private final Path runDir;
    private final Checkpoints checkpoints;
    private final PrintStream out;
    private final boolean terminal;
    private final Rng root;
    private SampleSink sampleSink = (step, xPos, xNeg) -> {};
    private RunClock clock = RunClock.system();
    private StepMetrics pluginMetrics;

    /**
     * Receives positive and negative samples at {@code sampleEvery} steps (inside the step's workspace); the
     * negatives are null when no objective term needs them.
     */
    @FunctionalInterface
    public interface SampleSink {
        void accept(long step, INDArray xPos, INDArray xNeg);
    }

    public Trainer(Experiment ex, Path runDir, PrintStream out, boolean terminal) {
        this.ex = ex;
        this.runDir = runDir;
        this.checkpoints = new Checkpoints(runDir, 3);
        this.out = out;
        this.terminal = terminal;
        this.root = new Rng(ex.spec.seed());
    }

    public Trainer onSamples(SampleSink sink) {
        this.sampleSink = sink;
        return this;
    }

    /**
     * Uses the run's clock for {@code wall_s}, and drains the values plugins recorded in {@code pluginMetrics} (may
     * be null) into each step's metrics line.
     */
    public Trainer withRunServices(RunClock clock, StepMetrics pluginMetrics) {
        this.clock = clock;
        this.pluginMetrics = pluginMetrics;
        return this;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    /**
     * Runs from step 1 (or from the step after the latest checkpoint when {@code resume}) to the spec's last step.
     *
     * @param afterStep called after each completed step, outside the step's workspace (tests use it to kill runs)
     * @return the last step completed
     */
    public long run(boolean resume, LongConsumer afterStep) {
        try {
            java.nio.file.Files.createDirectories(runDir);
        } catch (java.io.IOException e) {
            throw new dev.ebm.runner.io.OutputException("cannot create the run directory " + runDir, e);
        }
        long start = 0;
        if (resume) {
            // a damaged checkpoint is reported and set aside; the newest one that verifies is used
            Optional<Checkpoints.Loaded> found = checkpoints.resumePoint(out::println);
            if (found.isPresent()) {
                start = restore(found.get().snapshot());
                out.println("resuming from " + runDir.relativize(found.get().dir()) + " (step " + start + ")");
            } else {
                out.println("no checkpoint in " + runDir + ": starting from step 1");
            }
        }
        var train = ex.spec.train();
        long total = train.steps();
        long wallStart = clock.nanoTime();
        try (MetricsLog log = new MetricsLog(runDir.resolve("metrics.jsonl"), start);
                Progress progress = new Progress("train", start, total, terminal, out)) {
            for (long step = start + 1; step <= total; step++) {
                ObjectNode line;
                try (MemoryWorkspace ws = StepWorkspace.open("train-step")) {
                    line = step(step, log);
                }
                line.put("wall_s", (clock.nanoTime() - wallStart) / 1e9);
                if (step % train.logEvery() == 0 || step == total || step == 1) {
                    log.write(line);
                }
                progress.update(step, line.has("e_neg")
                        ? String.format("loss %.4g  e+ %.3g  e- %.3g", line.get("loss").asDouble(),
                                line.get("e_pos").asDouble(), line.get("e_neg").asDouble())
                        : String.format("loss %.4g  e+ %.3g", line.get("loss").asDouble(),
                                line.get("e_pos").asDouble()));
                if (step % train.checkpointEvery() == 0 || step == total) {
                    checkpoints.save(snapshot(step));
                }
                afterStep.accept(step);
            }
        }
        return total;
    }

    private ObjectNode step(long step, MetricsLog log) {
        var train = ex.spec.train();
        Rng rng = root.fork(step);
        INDArray xPos = ex.data.batch(train.batch(), rng.split(), ex.dtype);
        Rng chainRng = rng.split();
        Target target = Target.of(ex.energy);
        ChainRun run = null;
        INDArray xNeg = null;
        if (ex.needsNegatives) {
            INDArray x0 = ex.negatives.draw(train.chains(), xPos, chainRng);
            run = dev.ebm.api.Chains.run(ex.kernel, target, x0, ex.kernel.steps(), chainRng, ex.transitions,
                    ex.transitionEvery, ex.replaySteps());
            xNeg = run.end().x();
            ex.negatives.accept(xNeg, chainRng);
        }

        TrainBatch batch = new TrainBatch(Tensor.constant(xPos), xNeg == null ? null : Tensor.constant(xNeg),
                ex.energy, ex.kernel, run, target, rng.split());
        Tensor loss = null;
        Map<String, Double> termValues = new LinkedHashMap<>();
        try (GradMode.Scope on = GradMode.on()) {
            for (int i = 0; i < ex.terms.size(); i++) {
                Experiment.Term t = ex.terms.get(i);
                Tensor l = t.term().loss(batch);
                termValues.put(i + ":" + t.name(), l.item());
                Tensor weighted = t.weight() == 1.0 ? l : l.mul(t.weight());
                loss = loss == null ? weighted : loss.add(weighted);
            }
        }
        double lossValue = loss.item();
        double ePos = batch.ePos().value().meanNumber().doubleValue();
        double eNeg = batch.hasNegatives() ? batch.eNeg().value().meanNumber().doubleValue() : Double.NaN;
        check(step, "loss", lossValue, Double.MAX_VALUE);
        check(step, "e_pos (mean energy of the data batch)", ePos, train.maxEnergy());
        if (batch.hasNegatives()) {
            check(step, "e_neg (mean energy of the negative samples)", eNeg, train.maxEnergy());
        }

        List<Tensor> params = ex.trainable.tensors();
        List<Tensor> grads = Autodiff.grad(loss, params, false);
        List<INDArray> pv = new ArrayList<>(params.size());
        List<INDArray> gv = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            pv.add(params.get(i).value());
            gv.add(grads.get(i).value());
        }
        double gradNorm;
        try (GradMode.Scope off = GradMode.off()) {
            // the norm is checked before the update so that a NaN gradient never reaches the parameters
            double sq = 0;
            for (INDArray g : gv) {
                double n = g.norm2Number().doubleValue();
                sq += n * n;
            }
            check(step, "grad_norm (L2 norm of the parameter gradient)", Math.sqrt(sq), Double.MAX_VALUE);
            gradNorm = ex.optimizer.step(pv, gv);
            ex.energy.afterUpdate();
        }
        if (step % train.sampleEvery() == 0 || step == train.steps()) {
            sampleSink.accept(step, xPos, xNeg);
        }
        ObjectNode line = log.newLine();
        line.put("step", step);
        line.put("loss", lossValue);
        line.put("e_pos", ePos);
        if (batch.hasNegatives()) {
            line.put("e_neg", eNeg);
        }
        line.put("grad_norm", gradNorm);
        if (run != null && !Double.isNaN(run.acceptRate())) {
            line.put("accept_rate", run.acceptRate());
        }
        if (run != null) {
            run.diagnostics().forEach((name, value) -> {
                if (!Double.isNaN(value)) {
                    line.put(name, value);
                }
            });
        }
        ObjectNode terms = line.putObject("terms");
        termValues.forEach(terms::put);
        if (pluginMetrics != null) {
            pluginMetrics.drainInto(line);
        }
        return line;
    }

    private static void check(long step, String what, double v, double limit) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new DivergenceException("step " + step + ": " + what + " is " + v
                    + "; the run stopped (lower the sampler's step size or the learning rate, or add energy-l2)");
        }
        if (Math.abs(v) > limit) {
            throw new DivergenceException("step " + step + ": " + what + " = " + v + " exceeds train.maxEnergy = "
                    + limit + "; the energies are exploding and the run stopped");
        }
    }

    private Checkpoints.Snapshot snapshot(long step) {
        Map<String, Map<String, INDArray>> parts = new LinkedHashMap<>();
        parts.put("params", ex.trainable.arrays());
        parts.put("optimizer", ex.optimizer.state());
        parts.put("negatives", ex.negatives == null ? Map.of() : ex.negatives.state());
        if (!ex.energy.state().isEmpty()) {
            parts.put(ENERGY_PART, ex.energy.state());
        }
        for (int i = 0; i < ex.terms.size(); i++) {
            Map<String, INDArray> termState = ex.terms.get(i).term().state();
            if (!termState.isEmpty()) {
                parts.put(termPart(i), termState);
            }
        }
        ObjectNode meta = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        meta.put("seed", ex.spec.seed());
        meta.put("rng", "Rng(seed).fork(step) per step");
        return new Checkpoints.Snapshot(step, parts, meta);
    }

    private long restore(Checkpoints.Snapshot s) {
        Map<String, INDArray> params = s.parts().get("params");
        ex.trainable.arrays().forEach((name, arr) -> {
            INDArray saved = params.get(name);
            if (saved == null) {
                throw new IllegalStateException("checkpoint has no parameter '" + name + "'");
            }
            if (!java.util.Arrays.equals(saved.shape(), arr.shape())) {
                throw new IllegalStateException("checkpoint parameter '" + name + "' has shape "
                        + java.util.Arrays.toString(saved.shape()) + ", the spec's energy "
                        + java.util.Arrays.toString(arr.shape()) + ": the checkpoint belongs to another spec");
            }
            arr.assign(saved);
        });
        if (s.parts().containsKey(ENERGY_PART)) {
            ex.energy.restore(s.parts().get(ENERGY_PART));
        } else if (!ex.energy.state().isEmpty()) {
            throw new IllegalStateException("checkpoint has no energy state " + ex.energy.state().keySet());
        }
        ex.optimizer.restore(s.parts().getOrDefault("optimizer", Map.of()));
        if (ex.negatives != null) {
            ex.negatives.restore(s.parts().getOrDefault("negatives", Map.of()));
        }
        for (int i = 0; i < ex.terms.size(); i++) {
            Map<String, INDArray> termState = s.parts().get(termPart(i));
            if (termState != null) {
                ex.terms.get(i).term().restore(termState);
            }
        }
        return s.step();
    }

    /** The checkpoint part holding the state of objective term i (e.g. an entropy estimate's memory). */
    static String termPart(int i) {
        return "objective" + i;
    }

    /**
     * Loads checkpoint directory {@code dir} (parameters, optimizer, negative-source and objective state) into the
     * experiment, for evaluation; returns its step.
     */
    public long loadParameters(Path dir) {
        return restore(checkpoints.load(dir));
    }

    /** Loads the latest checkpoint's parameters into the experiment (for evaluation and sampling). */
    public long loadLatestParameters() {
        Checkpoints.Loaded latest = checkpoints.newestGood(out::println)
                .orElseThrow(() -> new IllegalStateException("no checkpoint in " + runDir));
        return restore(latest.snapshot());
    }
}
