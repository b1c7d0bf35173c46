package dev.ebm.runner.engine;

import java.io.Serializable;

/**
 * The work of each worker of a gang ({@link EngineSession#gang}). It is serialized and shipped to the engine's
 * workers, so it holds only plain data (spec text, paths); it builds what it needs where it runs.
 *
 * @param <T> the result each worker returns to the caller
 */
@FunctionalInterface
public interface GangTask<T extends Serializable> extends Serializable {

    /** Runs on one worker; returns its result (rank 0's is usually the one that matters). */
    T run(Gang gang) throws Exception;
}
