package dev.ebm.runner.engine;

/**
 * An execution engine that runs work beyond this process: the runs of a sweep as tasks, and data-parallel training
 * as one gang of long-lived workers. Engines are optional modules found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.ebm.runner.engine.Engine} entry on the class path; {@link Engines}), so the runner
 * never depends on them: {@code ebm-spark} is one, put on the class path by {@code bin/ebm --engine spark}.
 *
 * <p>The built-in engine {@code local} (child processes on this machine) is not a provider: it is what runs when no
 * engine is asked for.
 */
public interface Engine {

    /** The engine's stable id, as in {@code --engine ID} and {@code train.distributed.engine}. */
    String id();

    /** One line saying what the engine is and which masters it accepts. */
    String description();

    /**
     * Connects to the engine's cluster (or starts an embedded one) for one command. The caller closes the session.
     *
     * @throws IllegalArgumentException when the options are unusable (a malformed master), with a message naming
     *     the value and what is legal
     */
    EngineSession open(EngineOptions options);
}
