package dev.ebm.runner.cli;

/** Exit codes of {@code bin/ebm}. */
public final class ExitCodes {
    /** The spec or the command line is wrong. */
    public static final int BAD_INPUT = 2;
    /** The run stopped on NaN or exploding energies (train), or chains ended at non-finite energies (sample). */
    public static final int DIVERGED = 3;
    /**
     * The run's outputs could not be written (unwritable or full output directory); what was written before, the
     * last checkpoint included, is intact.
     */
    public static final int OUTPUT_FAILED = 4;
    /** Some runs of a sweep failed or were interrupted (the others finished). */
    public static final int SOME_FAILED = 5;
    /** Another sweep is running in the same sweep directory. */
    public static final int BUSY = 6;

    private ExitCodes() {}
}
