package dev.ebm.runner.engine;

import java.io.File;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A {@code bin/ebm} command to run as a child process, wherever an engine runs it: the command line, the changes
 * to the environment it inherits, and the file its standard output and error are appended to (on a cluster, a
 * path on the filesystem every node shares). Plain data, so that it can be shipped to an engine's workers.
 *
 * @param command the command line (launcher or {@code java ...} first)
 * @param env variables set in the child's environment
 * @param unset variables removed from the child's environment
 * @param console absolute path of the file the child's output is appended to
 */
public record ChildCommand(List<String> command, Map<String, String> env, List<String> unset, String console)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ChildCommand {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        unset = List.copyOf(unset);
    }

    /** A process builder for this command in this process's environment, output appended to {@link #console()}. */
    public ProcessBuilder processBuilder() {
        ProcessBuilder pb = new ProcessBuilder(command);
        unset.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        return pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(console)));
    }
}
