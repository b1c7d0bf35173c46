package dev.ebm.runner.cli;

/** Exit codes of {@code bin/ebm}. */
public final class ExitCodes {
    /** The spec or the command line is wrong. */
    public static final int BAD_INPUT = 2;
    /** The run stopped on NaN or exploding energies (train), or chains ended at non-finite energies (sample). */
    public static final int DIVERGED = 3;
    /** Some runs of a sweep failed or were interrupted (the others finished). */
    public static final int SOME_FAILED = 4;
    /** Another sweep is running in the same sweep directory. */
    public static final int BUSY = 5;

    private ExitCodes() {}
}
