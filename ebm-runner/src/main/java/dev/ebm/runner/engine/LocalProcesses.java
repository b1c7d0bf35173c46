package dev.ebm.runner.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs child processes on this machine: the local engine of sweeps, and what an engine's task runs where it lands.
 * A stopped process and its descendants get SIGTERM, then SIGKILL after {@value #GRACE_SECONDS} s.
 */
public final class LocalProcesses implements RunExecutor {
    /** Seconds a stopped child gets to end after SIGTERM before SIGKILL. */
    public static final int GRACE_SECONDS = 10;
    private static volatile LocalProcesses shared;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    /**
     * The instance of this JVM that stops its children when the JVM ends (a shutdown hook): for engine workers,
     * whose JVM may be stopped under them. A sweep's own runner uses a fresh instance and its own hook.
     */
    public static LocalProcesses shared() {
        if (shared == null) {
            synchronized (LocalProcesses.class) {
                if (shared == null) {
                    LocalProcesses p = new LocalProcesses();
                    Runtime.getRuntime().addShutdownHook(new Thread(p::stopAll, "ebm-child-processes"));
                    shared = p;
                }
            }
        }
        return shared;
    }

    @Override
    public int run(ChildCommand command, Consumer<String> started) throws IOException, InterruptedException {
        Process p = command.processBuilder().start();
        live.add(p);
        try {
            started.accept("pid " + p.pid());
            return p.waitFor();
        } catch (InterruptedException e) {
            stop(List.of(p));
            throw e;
        } finally {
            live.remove(p);
        }
    }

    @Override
    public void stopAll() {
        stop(new ArrayList<>(live));
    }

    /** The number of children running now. */
    public int running() {
        return live.size();
    }

    private static void stop(List<Process> procs) {
        for (Process p : procs) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (Process p : procs) {
            boolean ended = false;
            try {
                ended = p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
