package dev.ebm.runner.report.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * {@code bin/ebm report}: which kind of directory is given (a run or a sweep), where its report goes by default, and
 * writing it.
 */
public final class ReportFiles {
    /** The report's default file name inside the directory it reports. */
    public static final String DEFAULT_NAME = "report.html";

    /** What a directory holds. */
    public enum Kind { RUN, SWEEP }

    private ReportFiles() {}

    /** The kind of {@code dir}, or null when it is neither a run nor a sweep directory. */
    public static Kind kind(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        if (SweepFiles.looksLikeSweep(dir)) {
            return Kind.SWEEP;
        }
        return RunFiles.looksLikeRun(dir) ? Kind.RUN : null;
    }

    /** The footer of a page: what it reports and when it was written. */
    static String footer(Path dir) {
        return "Written by bin/ebm report from " + dir.toAbsolutePath().normalize() + " on "
                + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + ". Self-contained: images are inline, nothing is loaded from the network.";
    }
}
