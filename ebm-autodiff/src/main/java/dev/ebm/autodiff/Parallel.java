package dev.ebm.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits the large passes of the fused kernels over the process's native thread count ({@code EBM_THREADS}, else
 * {@code OMP_NUM_THREADS}, else 1), as ND4J and OpenBLAS split theirs: the calling thread takes one part, a small
 * pool of daemon threads the others. Each element is computed by the same operations whatever the split, so the
 * results do not depend on the thread count. Ranges below {@value #MIN_PER_THREAD} elements per thread stay on
 * the calling thread (handing work to another thread costs some microseconds).
 */
final class Parallel {
    static final int MIN_PER_THREAD = 1 << 16;
    static final int THREADS = threads();
    /** A thread count other than {@link #THREADS} for the calling thread (tests). */
    private static final ThreadLocal<Integer> OVERRIDE = new ThreadLocal<>();
    private static ExecutorService pool;

    private Parallel() {}

    private static synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "ebm-kernels");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /** Runs {@code body} with the kernels split over {@code threads} threads on this thread (tests). */
    static void withThreads(int threads, Runnable body) {
        Integer previous = OVERRIDE.get();
        OVERRIDE.set(threads);
        try {
            body.run();
        } finally {
            OVERRIDE.set(previous);
        }
    }

    /** A body over the elements [from, to). */
    @FunctionalInterface
    interface Range {
        void run(long from, long to);
    }

    /** Runs {@code body} over [0, n) in parts whose boundaries are multiples of {@code align}. */
    static void forRange(long n, int align, Range body) {
        Integer override = OVERRIDE.get();
        int parts = (int) Math.min(override != null ? override : THREADS, n / MIN_PER_THREAD);
        if (parts <= 1) {
            body.run(0, n);
            return;
        }
        long blocks = (n + align - 1) / align;
        List<Future<?>> pending = new ArrayList<>(parts - 1);
        long from = 0;
        long own = 0;
        for (int p = 0; p < parts; p++) {
            long to = p == parts - 1 ? n : Math.min(n, (blocks * (p + 1) / parts) * align);
            if (p == 0) {
                own = to;
            } else {
                long a = from;
                long b = to;
                pending.add(pool().submit(() -> body.run(a, b)));
            }
            from = to;
        }
        body.run(0, own);
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a kernel part", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    private static int threads() {
        for (String name : new String[] {"EBM_THREADS", "OMP_NUM_THREADS"}) {
            String v = System.getenv(name);
            if (v != null) {
                try {
                    return Math.max(1, Math.min(Integer.parseInt(v.trim()), Runtime.getRuntime().availableProcessors()));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
