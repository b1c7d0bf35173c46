package dev.ebm.api.plugin;

/**
 * A plugin failed: its provider threw while building the plugin or declaring its traits. The message names the
 * kind, the plugin's type id and the plugin's own message, e.g. {@code the negatives plugin 'my-source' failed: a
 * sample has 3 coordinates but 'mean' has 2}, so the user sees what the plugin said, not a generic error. Callers
 * that know where the plugin sits in the spec report it under that path.
 */
public final class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Kind kind;
    private final String type;

    public PluginException(Kind kind, String type, Throwable cause) {
        super("the " + kind.label() + " plugin '" + type + "' failed: " + reason(cause), cause);
        this.kind = kind;
        this.type = type;
    }

    public PluginException(Kind kind, String type, String message) {
        super("the " + kind.label() + " plugin '" + type + "' failed: " + message);
        this.kind = kind;
        this.type = type;
    }

    /** The kind of the plugin that failed. */
    public Kind kind() {
        return kind;
    }

    /** The type id of the plugin that failed. */
    public String type() {
        return type;
    }

    private static String reason(Throwable cause) {
        String m = cause.getMessage();
        String name = cause.getClass().getSimpleName();
        if (cause instanceof LinkageError) {
            return name + ": " + m + " (was the plugin built against another ebm-api version?)";
        }
        return m == null || m.isBlank() ? name : (cause instanceof RuntimeException
                && !(cause instanceof IllegalArgumentException || cause instanceof IllegalStateException)
                ? name + ": " + m : m);
    }
}
