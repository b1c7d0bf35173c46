package dev.ebm.runner.distributed;

import dev.ebm.api.spec.DistributedSpec;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.engine.Engine;
import dev.ebm.runner.engine.EngineOptions;
import dev.ebm.runner.engine.EngineSession;
import dev.ebm.runner.engine.Engines;
import dev.ebm.runner.train.Checkpoints;
import dev.ebm.runner.train.DivergenceException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-parallel training ({@code train.distributed}), driven from this process: opens the engine, starts the
 * workers as one gang ({@link TrainWorker}) and waits for them. When they are done, the run directory holds what a
 * single-process run writes (metrics, samples, checkpoints with every worker's chains); the caller evaluates.
 */
public final class DistributedTraining {
    private static final Logger LOG = LoggerFactory.getLogger(DistributedTraining.class);

    private DistributedTraining() {}

    /**
     * The engine of {@code spec}'s {@code train.distributed}.
     *
     * @throws SpecException when it is not on the class path, saying how to put it there
     */
    public static Engine engine(ExperimentSpec spec) {
        try {
            return Engines.find(spec.train().distributed().engine());
        } catch (IllegalArgumentException e) {
            throw new SpecException("train.distributed.engine", e.getMessage());
        }
    }

    /**
     * Trains {@code spec} (whose {@code train.distributed} is set) into {@code runDir}.
     *
     * @param specYaml the resolved spec as text, which the workers read
     * @param resume continue from the newest checkpoint that verifies (damaged newer ones are set aside here,
     *     before the workers start)
     * @throws SpecException when the engine is not on the class path or refuses the master or the workers
     * @throws DivergenceException when the run diverged (every worker stopped at the same step)
     * @throws dev.ebm.runner.engine.GangException when the workers failed for good
     */
    public static void train(ExperimentSpec spec, String specYaml, Path runDir, boolean resume, boolean terminal,
            PrintStream out) {
        DistributedSpec d = spec.train().distributed();
        Engine engine = engine(spec);
        Path from = null;
        if (resume) {
            var found = new Checkpoints(runDir, Integer.MAX_VALUE).resumePoint(out::println);
            if (found.isEmpty()) {
                out.println("no checkpoint in " + runDir + ": starting from step 1");
            } else {
                from = found.get().dir();
                int wrote = found.get().snapshot().meta().path(GangReplicas.WORKERS).asInt(1);
                if (wrote != d.workers()) {
                    throw new SpecException("train.distributed.workers", "is " + d.workers() + ", but " + runDir
                            .relativize(from) + " holds the chains of " + wrote + " worker(s): resume with workers: "
                            + wrote);
                }
            }
        }
        EngineSession session;
        try {
            session = engine.open(new EngineOptions(d.master(), d.threads(), "ebm train " + spec.name()));
        } catch (IllegalArgumentException e) {
            throw new SpecException("train.distributed.master", e.getMessage());
        }
        try (session) {
            LOG.info("data-parallel training: {} workers on {} {} ({} thread(s) each), {} data points and {} chains "
                    + "per step in all", d.workers(), d.engine(), session.master(), session.threadsPerTask(),
                    spec.train().batch(), spec.train().chains());
            List<String> results;
            try {
                results = session.gang(d.workers(), new TrainWorker(specYaml, runDir, from, terminal));
            } catch (IllegalArgumentException e) {
                throw new SpecException("train.distributed.workers", e.getMessage());
            }
            String first = results.get(0);
            if (first.startsWith(TrainWorker.DIVERGED)) {
                throw new DivergenceException(first.substring(TrainWorker.DIVERGED.length()));
            }
        }
    }
}
