package dev.ebm.api.run;

import java.time.Instant;

/**
 * The clock of a run: the runner measures {@code wall_s} with it, and a plugin that times itself should too, so that
 * a test can replace it with a fake clock. Time only: randomness is never injected; it is passed to plugins
 * explicitly ({@link dev.ebm.api.Rng}).
 */
public interface RunClock {

    /** A monotonic time in nanoseconds, for durations only (its origin is arbitrary). */
    long nanoTime();

    /** The current wall-clock time. */
    Instant now();

    /** The system's clocks: {@link System#nanoTime()} and {@link Instant#now()}. */
    static RunClock system() {
        return new RunClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Instant now() {
                return Instant.now();
            }
        };
    }
}
