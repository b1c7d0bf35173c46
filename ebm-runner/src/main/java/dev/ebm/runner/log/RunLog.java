package dev.ebm.runner.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Copies the diagnostic messages of a run (everything logged through SLF4J at the configured levels: INFO and above
 * from the framework, WARN and above from ND4J and other libraries, see {@code logback.xml}) into a file of the run
 * directory, such as {@code run.log}, for as long as it is open. The file is appended to, so a resumed run adds to
 * the log of its earlier attempts. One file per process at a time is the intended use: a second one open at the
 * same time receives the same messages. When SLF4J is not bound to Logback, attaching does nothing.
 */
public final class RunLog implements AutoCloseable {
    /** The file name of a run's log in its run directory. */
    public static final String FILE = "run.log";
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    private final Logger root;
    private final FileAppender<ILoggingEvent> appender;

    private RunLog(Logger root, FileAppender<ILoggingEvent> appender) {
        this.root = root;
        this.appender = appender;
    }

    /** Starts copying log messages to {@code file} (created with its parent directories when missing). */
    public static RunLog attach(Path file) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext ctx)) {
            return new RunLog(null, null);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> app = new FileAppender<>();
        app.setContext(ctx);
        app.setName("run-log:" + file);
        app.setFile(file.toAbsolutePath().toString());
        app.setAppend(true);
        app.setEncoder(encoder);
        app.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(app);
        return new RunLog(root, app);
    }

    /** Stops copying and closes the file. */
    @Override
    public void close() {
        if (appender != null) {
            root.detachAppender(appender);
            appender.stop();
        }
    }
}
