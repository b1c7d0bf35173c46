package dev.ebm.runner.distributed;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.runner.RunnerWiring;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.engine.Gang;
import dev.ebm.runner.engine.GangTask;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Checkpoints;
import dev.ebm.runner.train.DivergenceException;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.TrainRun;
import dev.ebm.runner.train.Trainer;
import dev.ebm.runner.wiring.RunScope;
import dev.ebm.runner.wiring.Runs;
import dev.ebm.runner.wiring.StepMetrics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker of data-parallel training, as shipped to the engine: the resolved spec as text and paths. Where it runs
 * it builds the experiment from the spec (the same initial parameters on every worker: they come from the spec's
 * seed), then trains its share of every step with a {@link GangReplicas}; worker 0 writes the run's metrics, samples
 * and checkpoints (which hold every worker's chains). It starts from {@code resumeFrom} (null: step 1), or, when the
 * engine restarted the gang after a failure, from the newest checkpoint that verifies.
 *
 * <p>A divergence stops every worker at the same step (they check the same averaged numbers) and is returned as
 * {@code "diverged: message"} rather than thrown, so the engine does not start a doomed gang again.
 */
public final class TrainWorker implements GangTask<String> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrainWorker.class);
    /** What a worker returns when it trained to the last step. */
    public static final String DONE = "done";
    /** The prefix of what a worker returns when the run diverged. */
    public static final String DIVERGED = "diverged: ";
    private final String specYaml;
    private final String runDir;
    private final String resumeFrom;
    private final boolean terminal;

    /**
     * @param specYaml the resolved spec
     * @param runDir the run directory (absolute; on a cluster, on a filesystem every worker shares)
     * @param resumeFrom the checkpoint directory to continue from, or null
     * @param terminal whether worker 0 prints a progress bar (a terminal) or plain lines
     */
    public TrainWorker(String specYaml, Path runDir, Path resumeFrom, boolean terminal) {
        this.specYaml = specYaml;
        this.runDir = runDir.toAbsolutePath().toString();
        this.resumeFrom = resumeFrom == null ? null : resumeFrom.toAbsolutePath().toString();
        this.terminal = terminal;
    }

    @Override
    public String run(Gang engineGang) {
        // the run's services as bin/ebm train wires them: plugins get them injected, plugin metrics reach the lines
        Injector app = Guice.createInjector(new RunnerWiring());
        ExperimentSpec spec = app.getInstance(SpecLoader.class).parse(specYaml, List.of());
        RunScope scope = app.getInstance(Runs.class).open(spec, Path.of(runDir), new StepMetrics());
        if ("socket".equals(spec.train().distributed().exchange())) {
            try (SocketGang sockets = new SocketGang(engineGang)) {
                return train(sockets, spec, scope);
            }
        }
        return train(engineGang, spec, scope);
    }

    private String train(Gang gang, ExperimentSpec spec, RunScope scope) {
        PluginRegistry registry = scope.registry();
        Experiment ex = Experiment.build(spec, registry);
        Path dir = Path.of(runDir);
        boolean writer = gang.rank() == 0;
        PrintStream out = writer ? System.out : new PrintStream(java.io.OutputStream.nullOutputStream());
        GangReplicas replicas = new GangReplicas(gang, spec.train().batch());
        Trainer trainer = new Trainer(ex, dir, out, terminal && writer).replicas(replicas)
                .withRunServices(scope.clock(), scope.stepMetrics());
        if (writer) {
            trainer.onSamples(TrainRun.sampleImages(ex, spec, dir));
        }
        Path from = resumeFrom == null ? null : Path.of(resumeFrom);
        if (gang.attempt() > 0) {
            from = trainer.checkpoints().newestGood(note -> {}).map(Checkpoints.Loaded::dir).orElse(null);
            out.println("the workers were started again (attempt " + gang.attempt() + "): continuing from "
                    + (from == null ? "step 1" : dir.relativize(from)));
        }
        long t0 = System.nanoTime();
        try {
            trainer.runFrom(from, step -> {});
            return DONE;
        } catch (DivergenceException e) {
            return DIVERGED + e.getMessage();
        } finally {
            if (writer) {
                LOG.info("worker 0 of {}: {} s training, {} ms per step in the gradient all-gather ({} exchange; "
                        + "the wait for the slowest worker included)", gang.size(), String.format("%.1f",
                        (System.nanoTime() - t0) / 1e9), String.format("%.2f", 1e3 * replicas.meanExchangeSeconds()),
                        spec.train().distributed().exchange());
            }
        }
    }
}
