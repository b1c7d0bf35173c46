package dev.ebm.runner.train;

import java.nio.file.Path;

/**
 * A checkpoint that cannot be used: its manifest is missing, unreadable or incomplete, names a file outside the
 * checkpoint, or a file it names is missing, of the wrong size, fails its checksum or is not a whole array.
 */
public final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path checkpoint;
    private final String file;

    /**
     * @param checkpoint the checkpoint directory
     * @param file the bad file, relative to the checkpoint ({@code manifest.json}, {@code params/w0.npy})
     * @param reason what is wrong with it
     */
    public CheckpointException(Path checkpoint, String file, String reason) {
        super("checkpoint " + checkpoint + ": " + file + " " + reason);
        this.checkpoint = checkpoint;
        this.file = file;
    }

    /** Several unusable checkpoints, each with its reason. */
    public CheckpointException(Path checkpoints, String summary) {
        super(summary);
        this.checkpoint = checkpoints;
        this.file = null;
    }

    public Path checkpoint() {
        return checkpoint;
    }

    /** The bad file relative to the checkpoint, or null when the exception sums up several checkpoints. */
    public String file() {
        return file;
    }
}
