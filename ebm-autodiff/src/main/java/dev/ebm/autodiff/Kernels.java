package dev.ebm.autodiff;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Whether the fast kernels run: the direct BLAS products ({@link Blas}) and the fused elementwise kernels
 * ({@link FusedKernels}, which need the incubating Java Vector API: {@code --add-modules jdk.incubator.vector}).
 *
 * <p>Every fused op has a reference path made of ordinary ND4J ops that computes the same values (tests compare
 * the two on random inputs). The fast paths are on by default; {@code -Debm.autodiff.fused=false} switches them
 * off for a process (an A/B switch for measurements), and {@link #reference()} for the current thread (tests).
 */
public final class Kernels {
    private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("ebm.autodiff.fused"));
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final ThreadLocal<boolean[]> OFF = ThreadLocal.withInitial(() -> new boolean[1]);
    // counters for measurements (bin/ebm bench --count-ops); plain fields: approximate under several threads
    static long blasCalls;
    static long kernelPasses;

    private Kernels() {}

    /** True when the fast paths run on this thread (direct BLAS products at least). */
    public static boolean enabled() {
        return ENABLED && !OFF.get()[0];
    }

    /** True when the fused elementwise kernels run for arrays of {@code dtype} on this thread. */
    public static boolean fused(DataType dtype) {
        return VECTOR && enabled() && (dtype == DataType.FLOAT || dtype == DataType.DOUBLE);
    }

    /** Whether the Java Vector API module is present in this process (the fused kernels need it). */
    public static boolean vectorApi() {
        return VECTOR;
    }

    /** {@code [direct BLAS calls, fused kernel passes]} so far in this process (for counting native calls). */
    public static long[] counts() {
        return new long[] {blasCalls, kernelPasses};
    }

    /**
     * Holds back the background compilation of the fused kernels' vector loops until {@link #releaseWarmUp()}, for at
     * most {@code maxMillis}: start-up work (the first training step) then has the cores to itself. The kernels run
     * their scalar twins meanwhile, which compute the same bits.
     */
    public static void holdWarmUp(long maxMillis) {
        KernelWarmUp.hold(maxMillis);
    }

    /** Ends a {@link #holdWarmUp(long)}: the kernels' warm-ups start. */
    public static void releaseWarmUp() {
        KernelWarmUp.release();
    }

    /** Runs only the reference paths on this thread until the returned scope is closed; scopes nest. */
    public static GradMode.Scope reference() {
        boolean[] flag = OFF.get();
        boolean previous = flag[0];
        flag[0] = true;
        return () -> flag[0] = previous;
    }
}
