package dev.ebm.runner.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named points inside the run's writers where a test can make the process fail, to check what survives a crash or
 * a full disk. Off unless the system property {@value #PROPERTY} is set, e.g.
 * {@code -Debm.fault=halt:checkpoint.before-rename@2}: {@code ACTION:POINT[@N]}, several separated by commas.
 *
 * <ul>
 *   <li>{@code halt}: the process stops at once with exit status {@value #HALT_STATUS}
 *       ({@link Runtime#halt}: no shutdown hooks, no flushing, as after SIGKILL);</li>
 *   <li>{@code enospc}: the write fails with "No space left on device", as on a full disk.</li>
 * </ul>
 * {@code @N} fires at the N-th time the point is reached in this process (default the first). The points are
 * listed in {@link Point}.
 */
public final class FaultInjection {
    /** The system property that arms the points. */
    public static final String PROPERTY = "ebm.fault";
    /** The exit status of a process halted by a {@code halt} fault. */
    public static final int HALT_STATUS = 86;

    private static final Map<String, Integer> REACHED = new ConcurrentHashMap<>();

    /** The points, named as in the property. */
    public enum Point {
        /** In the checkpoint writer, after about half of the {@code .npy} files of the temporary directory. */
        CHECKPOINT_HALF_WRITTEN("checkpoint.half-written"),
        /** In the checkpoint writer, half way through one {@code .npy} file (half its bytes are on disk). */
        CHECKPOINT_TORN_FILE("checkpoint.torn-file"),
        /** In the checkpoint writer, after every array and before {@code manifest.json}. */
        CHECKPOINT_BEFORE_MANIFEST("checkpoint.before-manifest"),
        /** In the checkpoint writer, with the temporary directory complete and synced, before the rename. */
        CHECKPOINT_BEFORE_RENAME("checkpoint.before-rename"),
        /** In the checkpoint writer, after the rename, before old checkpoints are pruned. */
        CHECKPOINT_AFTER_RENAME("checkpoint.after-rename"),
        /** In the checkpoint writer, while an old checkpoint is being deleted. */
        CHECKPOINT_PRUNING("checkpoint.pruning"),
        /** Before a line is appended to {@code metrics.jsonl}. */
        METRICS_WRITE("metrics.write");

        private final String id;

        Point(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private FaultInjection() {}

    /**
     * Called by a writer at {@code point}; does nothing unless the property arms it.
     *
     * @param file the file being written, named in the injected error
     * @throws IOException an injected "No space left on device"
     */
    public static void at(Point point, Path file) throws IOException {
        if (!armed()) {
            return;
        }
        String spec = System.getProperty(PROPERTY);
        int reached = REACHED.merge(point.id(), 1, Integer::sum);
        for (String item : spec.split(",")) {
            String s = item.trim().toLowerCase(Locale.ROOT);
            int colon = s.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String action = s.substring(0, colon);
            String target = s.substring(colon + 1);
            int at = 1;
            int amp = target.indexOf('@');
            if (amp >= 0) {
                at = Integer.parseInt(target.substring(amp + 1));
                target = target.substring(0, amp);
            }
            if (!target.equals(point.id()) || reached != at) {
                continue;
            }
            if (action.equals("halt")) {
                System.err.println("[" + PROPERTY + "] halting at " + point.id() + " (" + file + ")");
                System.err.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            } else if (action.equals("enospc")) {
                throw new FileSystemException(String.valueOf(file), null, "No space left on device");
            }
        }
    }

    /** Whether any point is armed (writers skip extra work for the points otherwise). */
    public static boolean armed() {
        String spec = System.getProperty(PROPERTY);
        return spec != null && !spec.isBlank();
    }

    /** Forgets how often each point was reached (tests that arm points in-process). */
    public static void reset() {
        REACHED.clear();
    }
}
