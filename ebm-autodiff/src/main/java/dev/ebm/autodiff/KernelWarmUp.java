package dev.ebm.autodiff;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gets the vector loops of a fused kernel compiled before the kernel uses them. The Vector API runs a boxing Java
 * fallback until the JIT has compiled a loop (seconds for the first training steps), so until then the kernel runs
 * its scalar twin (the same operations, the same bits) while a background thread runs the kernel's vector loops
 * (every derivative order, with and without factor and row bias) until C2 has compiled them. One thread per kernel
 * (dtype and nonlinearity) that the process uses, started by the kernel's first call: warming up every kernel at
 * start-up made the JIT compile 22 vector loops, some seconds of CPU before the first training step. A training run
 * also holds the warm-ups back until its first step is done ({@link Kernels#holdWarmUp(long)}): on two cores their
 * compilations took a core from the start-up itself (0.36 s of the median launch-to-first-step time).
 */
final class KernelWarmUp {
    private static final int ITERATIONS = 1500;
    private static final int CHECK_LENGTH = 4096;
    private static final int WINS = 3;
    private static final int MAX_SECONDS = 60;
    private static final AtomicInteger READY = new AtomicInteger();
    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final Object HOLD = new Object();
    /** System.nanoTime() until which warm-ups wait, or 0 when they run at once. */
    private static long holdUntil;

    private KernelWarmUp() {}

    /** Warm-ups started from now on wait until {@link #release()}, for at most {@code maxMillis}. */
    static void hold(long maxMillis) {
        synchronized (HOLD) {
            holdUntil = System.nanoTime() + maxMillis * 1_000_000L;
        }
    }

    /** Lets waiting and later warm-ups run. */
    static void release() {
        synchronized (HOLD) {
            holdUntil = 0;
            HOLD.notifyAll();
        }
    }

    /** Waits while a hold is in force; false when interrupted. */
    static boolean awaitRelease() {
        synchronized (HOLD) {
            try {
                for (long left = holdUntil - System.nanoTime(); holdUntil != 0 && left > 0;
                        left = holdUntil - System.nanoTime()) {
                    HOLD.wait(left / 1_000_000L + 1);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** True once the vector loops of f in this dtype are compiled; the first call starts their warm-up. */
    static boolean ready(boolean float64, Nonlinearity f) {
        int bit = 1 << ((float64 ? Nonlinearity.values().length : 0) + f.ordinal());
        if ((READY.get() & bit) != 0) {
            return true;
        }
        if ((STARTED.getAndUpdate(v -> v | bit) & bit) == 0) {
            Thread t = new Thread(() -> {
                if (!awaitRelease()) {
                    return;
                }
                if (run(float64, f)) {
                    READY.getAndUpdate(v -> v | bit);
                }
            }, "ebm-kernel-warmup-" + f.name().toLowerCase(java.util.Locale.ROOT) + (float64 ? "-f64" : "-f32"));
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
        return false;
    }

    /**
     * Runs the vector loops of f until they are compiled: {@value #ITERATIONS} rounds, then on until they beat the
     * scalar twin on a larger array {@value #WINS} checks in a row (the Vector API's Java fallback, which runs until
     * C2 has compiled a loop, is many times slower than the scalar twin; compiled vector code several times faster).
     * Counting rounds alone switched large kernels to the fallback while C2 was still busy: cnn28's activations ran
     * through it for seconds. False when the loops never got faster within {@value #MAX_SECONDS} s: the kernel then
     * keeps its scalar twin, which computes the same bits.
     */
    private static boolean run(boolean float64, Nonlinearity f) {
        int lanes = float64 ? DoubleLoops.S.length() : FloatLoops.S.length();
        float[] x = new float[4 * lanes];
        float[] g = new float[x.length];
        float[] o = new float[x.length];
        float[] rb = new float[lanes];
        double[] dx = new double[4 * lanes];
        double[] dg = new double[dx.length];
        double[] dout = new double[dx.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) * 0.3f - 1f;
            g[i] = 0.5f;
            dx[i] = (i % 5) * 0.4 - 1;
            dg[i] = 0.5;
        }
        for (int it = 0; it < ITERATIONS; it++) {
            round(float64, f, x, g, o, rb, dx, dg, dout);
        }
        float[] bx = new float[CHECK_LENGTH];
        float[] bo = new float[CHECK_LENGTH];
        double[] bdx = new double[CHECK_LENGTH];
        double[] bdo = new double[CHECK_LENGTH];
        for (int i = 0; i < CHECK_LENGTH; i++) {
            bx[i] = (i % 11) * 0.37f - 2f;
            bdx[i] = (i % 13) * 0.29 - 2;
        }
        long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
        for (int wins = 0; System.nanoTime() < deadline;) {
            // the first derivative, the backward pass's kernel
            long t0 = System.nanoTime();
            if (float64) {
                FusedKernels.vector(f, 1, bdx, null, bdo, CHECK_LENGTH);
            } else {
                FusedKernels.vector(f, 1, bx, null, null, bo, CHECK_LENGTH);
            }
            long t1 = System.nanoTime();
            if (float64) {
                FusedKernels.scalarLoop(f, 1, bdx, null, bdo, CHECK_LENGTH);
            } else {
                FusedKernels.scalarLoop(f, 1, bx, null, null, bo, CHECK_LENGTH);
            }
            long t2 = System.nanoTime();
            wins = t1 - t0 < t2 - t1 ? wins + 1 : 0;
            if (wins == WINS) {
                return true;
            }
            for (int it = 0; it < 100; it++) {
                round(float64, f, x, g, o, rb, dx, dg, dout);
            }
        }
        return false;
    }

    /** One round: every derivative order, with and without factor and row bias, whole and partial vectors. */
    private static void round(boolean float64, Nonlinearity f, float[] x, float[] g, float[] o, float[] rb, double[] dx,
            double[] dg, double[] dout) {
        for (int order = f == Nonlinearity.SOFTPLUS ? 1 : 0; order <= 2; order++) {
            if (float64) {
                FusedKernels.vector(f, order, dx, dg, dout, dx.length - 1);
                FusedKernels.vector(f, order, dx, null, dout, dx.length);
            } else {
                FusedKernels.vector(f, order, x, null, null, o, x.length);
                FusedKernels.vector(f, order, x, rb, g, o, x.length);
                FusedKernels.vector(f, order, x, null, g, o, x.length - 3);
            }
        }
    }
}
