package dev.ebm.data.idx;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not the IDX array it should be; the message names the file and what is wrong. */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String problem;

    public IdxFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
