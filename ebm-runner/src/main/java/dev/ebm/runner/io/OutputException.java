package dev.ebm.runner.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A run's outputs (run directory, checkpoints, metrics) could not be written: the directory is unwritable, lies
 * under a file, or the disk is full. {@code bin/ebm} stops with exit code
 * {@link dev.ebm.runner.cli.ExitCodes#OUTPUT_FAILED}; what was written before, the last checkpoint included, is
 * left as it was.
 */
public final class OutputException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /** @param what what could not be written, e.g. "cannot write checkpoint step-6 under runs/x/checkpoints" */
    public OutputException(String what, IOException cause) {
        super(what + ": " + describe(cause), cause);
    }

    /** A one-line reason: the file and the system's words ("No space left on device", "permission denied"). */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fse) {
            String reason = fse.getReason();
            if (reason == null) {
                reason = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NoSuchFileException ? "no such file or directory"
                        : e instanceof FileAlreadyExistsException ? "already exists (not a directory?)"
                        : e instanceof NotDirectoryException ? "not a directory"
                        : e.getClass().getSimpleName();
            }
            String file = fse.getFile();
            return file == null ? reason : file + ": " + reason;
        }
        return String.valueOf(e.getMessage());
    }
}
