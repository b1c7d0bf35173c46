package dev.ebm.runner.cli;

import dev.ebm.runner.plugins.PluginCatalog;
import dev.ebm.runner.plugins.PluginDirectories;
import dev.ebm.runner.plugins.PluginErrors;
import dev.ebm.runner.plugins.PluginFailure;
import dev.ebm.runner.wiring.PluginWiringException;
import dev.ebm.runner.wiring.WiringErrors;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * What a command's unexpected failure prints: wiring errors and plugin incompatibilities ({@link LinkageError}s from
 * a plugin jar) as one readable message each, not as a stack trace; anything else as picocli does.
 */
public final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
    private final Provider<PluginCatalog> catalog;

    public CommandFailures(Provider<PluginCatalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed)
            throws Exception {
        String message = describe(ex);
        if (message == null) {
            throw ex;
        }
        cmd.getErr().println(message);
        return ExitCodes.BAD_INPUT;
    }

    /**
     * Names every plugin jar that did not load, one line each, before a command other than {@code plugins} (which
     * lists them itself) runs: the command goes on, and fails only if its spec uses one of them.
     */
    public void warnAboutUnloadedPlugins(String[] args, PrintWriter err) {
        String command = PluginDirectories.subcommand(args);
        if (catalog.get().failures().isEmpty() || command == null || command.equals("plugins")) {
            return;
        }
        for (PluginFailure f : catalog.get().failures()) {
            err.println("warning: plugin jar " + f.describe());
        }
        err.flush();
    }

    /** The exit code for a {@link LinkageError} that escaped a command, after printing why; rethrows runner bugs. */
    public int linkage(LinkageError e, PrintWriter err) {
        String message = PluginErrors.linkage(catalog.get(), e);
        if (message == null) {
            throw e;
        }
        err.println(message);
        return ExitCodes.BAD_INPUT;
    }

    private String describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PluginWiringException) {
                return t.getMessage();
            }
            if (WiringErrors.isWiringError(t)) {
                return "wiring error: " + WiringErrors.describe(t);
            }
            if (t instanceof LinkageError le) {
                return PluginErrors.linkage(catalog.get(), le);
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = PluginErrors.failure(catalog.get(), t);
            if (m != null) {
                return m;
            }
        }
        return null;
    }
}
