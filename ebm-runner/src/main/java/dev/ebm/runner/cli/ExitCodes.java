package dev.ebm.runner.cli;

/** Exit codes of {@code bin/ebm}. */
public final class ExitCodes {
    /** The spec or the command line is wrong. */
    public static final int BAD_INPUT = 2;
    /** The run stopped on NaN or exploding energies (train), or chains ended at non-finite energies (sample). */
    public static final int DIVERGED = 3;

    private ExitCodes() {}
}
