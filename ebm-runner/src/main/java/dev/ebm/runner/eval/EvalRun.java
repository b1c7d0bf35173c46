package dev.ebm.runner.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.log.RunLog;
import dev.ebm.runner.sample.SampleSource;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code bin/ebm eval}: rebuilds a run's experiment from its {@code spec.resolved.yaml}, loads a checkpoint
 * (the run's latest, or the one given) and scores it with {@link RunEvaluation#evaluate}, the method training ends
 * with, so a run's recomputed {@code eval.json} holds the numbers training wrote (same native build and thread
 * count). The file holds {@code step} (the checkpoint's), {@code train_wall_s} and {@code train_cpu_s} when the
 * file it replaces recorded them for the same step, and the scores; plots go to {@code plots/} beside it.
 */
public final class EvalRun {
    private static final Logger LOG = LoggerFactory.getLogger(EvalRun.class);
    private final SpecLoader loader;
    private final PluginRegistry registry;
    private final PrintStream out;

    public EvalRun(SpecLoader loader, PluginRegistry registry, PrintStream out) {
        this.loader = loader;
        this.registry = registry;
        this.out = out;
    }

    /** Throws {@link IllegalArgumentException} unless {@code src} is a run with a checkpoint or a checkpoint. */
    public static void requireCheckpoint(SampleSource src) {
        if (src.kind() == SampleSource.Kind.SPEC) {
            throw new IllegalArgumentException(src.path() + " is a spec file: eval needs a run directory (its latest "
                    + "checkpoint) or a checkpoint directory (checkpoints/step-N)");
        }
        if (src.checkpoint() == null) {
            throw new IllegalArgumentException("the run directory " + src.path() + " has no checkpoint yet to "
                    + "evaluate");
        }
    }

    /** The run directory a source belongs to. */
    public static Path runDir(SampleSource src) {
        return src.kind() == SampleSource.Kind.RUN ? src.path() : src.spec().getParent();
    }

    /**
     * The default output file: {@code RUN/eval.json} for a run, {@code RUN/eval/step-N/eval.json} for checkpoint
     * {@code step-N}.
     */
    public static Path defaultOut(SampleSource src) {
        Path run = runDir(src);
        return src.kind() == SampleSource.Kind.RUN ? run.resolve("eval.json")
                : run.resolve("eval").resolve(src.checkpoint().getFileName()).resolve("eval.json");
    }

    /**
     * Evaluates {@code src} (a run directory with a checkpoint, or a checkpoint directory) with the spec overrides
     * {@code overrides} (e.g. {@code train.evalGrid=500}) and writes {@code file}.
     *
     * @return what was written
     * @throws IllegalArgumentException for a source that has nothing to evaluate
     */
    public ObjectNode run(SampleSource src, List<String> overrides, Path file) {
        requireCheckpoint(src);
        Path runDir = runDir(src);
        ExperimentSpec spec = loader.load(src.spec(), overrides);
        Experiment ex = Experiment.build(spec, registry);
        try (RunLog log = RunLog.attach(runDir.resolve(RunLog.FILE))) {
            long step = new Trainer(ex, runDir, out, false).loadParameters(src.checkpoint());
            LOG.info("evaluating {} (step {}){} into {}", src.checkpoint(), step,
                    overrides.isEmpty() ? "" : " with " + overrides, file);
            ObjectMapper json = new ObjectMapper();
            ObjectNode eval = json.createObjectNode();
            eval.put("step", step);
            JsonNode previous = previous(file, json);
            for (String kept : new String[] {"train_wall_s", "train_cpu_s"}) {
                if (previous != null && previous.path("step").asLong(-1) == step && previous.has(kept)) {
                    eval.set(kept, previous.get(kept));
                }
            }
            eval.setAll(RunEvaluation.evaluate(ex, file.toAbsolutePath().getParent(), out));
            if (spec.train().logZ() != null) {
                eval.set("log_z_estimate", dev.ebm.runner.logz.LogZRun.forEval(loader, registry, src, overrides,
                        spec.train().logZ(), out));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), eval);
            LOG.info("wrote {}", file);
            return eval;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static JsonNode previous(Path file, ObjectMapper json) {
        try {
            return Files.isRegularFile(file) ? json.readTree(file.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
