package dev.ebm.runner.wiring;

/** A plugin (or the runner) could not be wired; the message is one readable paragraph, never a Guice trace. */
public final class PluginWiringException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PluginWiringException(String message, Throwable cause) {
        super(message, cause);
    }
}
