package dev.ebm.runner.engine;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Runs the child processes of a sweep: on this machine ({@link LocalProcesses}) or as tasks of an engine. Thread-safe:
 * a sweep calls {@link #run} from several threads at once, one run each.
 */
public interface RunExecutor {

    /**
     * Runs {@code command} to its end and returns its exit code. Interrupting the calling thread stops the command
     * (SIGTERM to it and its descendants) and throws {@link InterruptedException}.
     *
     * @param started told where the command runs ({@code pid 1234}, {@code Spark task}) once it was started
     * @throws IOException when the command cannot be started
     */
    int run(ChildCommand command, Consumer<String> started) throws IOException, InterruptedException;

    /**
     * Stops every command still running: SIGTERM to each and its descendants, SIGKILL to what is left after 10 s
     * (or the engine's own cancellation); returns when they have ended or been given up on.
     */
    void stopAll();
}
