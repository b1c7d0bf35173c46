package dev.ebm.runner.engine;

import java.io.Serializable;
import java.util.List;

/**
 * One command's connection to an engine: it runs child processes as tasks and gangs of workers. Closing it stops
 * whatever still runs and releases the engine.
 */
public interface EngineSession extends AutoCloseable {

    /** The master this session runs on, as the engine names it (e.g. {@code local[2]}). */
    String master();

    /**
     * The cores the session's tasks may use (local: this machine's, at most; a cluster: its executors' at the
     * time); a sweep runs at most cores / threads runs at a time.
     */
    int cores();

    /** The native threads each task uses (the engine reserves that many cores per task). */
    int threadsPerTask();

    /** The executor that runs sweep runs, each a child process inside one task of the engine. */
    RunExecutor runs();

    /**
     * Runs {@code task} in {@code workers} workers that all start together and stay alive until every one has
     * returned (Spark: one barrier stage), and returns each worker's result by rank. If a worker fails, the engine
     * may start the whole gang again with a higher {@link Gang#attempt()}; the task must then continue from what
     * the failed attempt left behind (its checkpoints).
     *
     * @throws GangException when the gang failed for good, with the first worker failure as its cause
     * @throws IllegalArgumentException when the engine cannot run that many workers at once
     */
    <T extends Serializable> List<T> gang(int workers, GangTask<T> task);

    @Override
    void close();
}
