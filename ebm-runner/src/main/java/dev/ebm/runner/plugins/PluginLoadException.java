package dev.ebm.runner.plugins;

/** Why one plugin jar could not be loaded; the loader turns it into a {@link PluginFailure} and goes on. */
final class PluginLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    PluginLoadException(String reason) {
        super(reason);
    }
}
