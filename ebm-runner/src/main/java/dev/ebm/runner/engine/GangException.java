package dev.ebm.runner.engine;

/** A gang of workers failed: a worker threw, died or could not exchange with the others. */
public final class GangException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GangException(String message, Throwable cause) {
        super(message, cause);
    }
}
