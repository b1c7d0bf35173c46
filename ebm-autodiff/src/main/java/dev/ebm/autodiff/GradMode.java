package dev.ebm.autodiff;

/**
 * Whether ops record themselves for differentiation on the current thread.
 *
 * <p>Recording is on by default. {@link #off()} opens a scope in which ops produce plain values with no graph:
 * use it for sampler steps that need no gradient in the parameters and for optimizer updates.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {}

    /** True while ops record a graph on this thread. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Turns recording off until the returned scope is closed; scopes nest. */
    public static Scope off() {
        return set(false);
    }

    /** Turns recording on until the returned scope is closed; scopes nest. */
    public static Scope on() {
        return set(true);
    }

    private static Scope set(boolean value) {
        boolean[] flag = ENABLED.get();
        boolean previous = flag[0];
        flag[0] = value;
        return () -> flag[0] = previous;
    }

    /** A scope that restores the previous mode when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
