package dev.ebm.runner.wiring;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link System.Logger} that writes through SLF4J (and so through the runner's logback configuration): the
 * logger type a plugin injects, so that plugins need no logging library of their own.
 */
final class Slf4jSystemLogger implements System.Logger {
    private final Logger log;

    Slf4jSystemLogger(String name) {
        this.log = LoggerFactory.getLogger(name);
    }

    @Override
    public String getName() {
        return log.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return switch (level) {
            case ALL, TRACE -> log.isTraceEnabled();
            case DEBUG -> log.isDebugEnabled();
            case INFO -> log.isInfoEnabled();
            case WARNING -> log.isWarnEnabled();
            case ERROR -> log.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        write(level, localise(bundle, msg), thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        String pattern = localise(bundle, format);
        write(level, params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params), null);
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
        if (isLoggable(level)) {
            write(level, msgSupplier.get(), null);
        }
    }

    private static String localise(ResourceBundle bundle, String key) {
        return bundle != null && key != null && bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    private void write(Level level, String msg, Throwable thrown) {
        switch (level) {
            case ALL, TRACE -> log.trace(msg, thrown);
            case DEBUG -> log.debug(msg, thrown);
            case INFO -> log.info(msg, thrown);
            case WARNING -> log.warn(msg, thrown);
            case ERROR -> log.error(msg, thrown);
            case OFF -> { }
        }
    }
}
