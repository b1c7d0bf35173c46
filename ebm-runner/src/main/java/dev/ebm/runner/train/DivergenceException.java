package dev.ebm.runner.train;

/** A run stopped because a quantity became NaN, infinite or exploded. */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DivergenceException(String message) {
        super(message);
    }
}
