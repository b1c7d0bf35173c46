package dev.ebm.runner.wiring;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import java.lang.reflect.InaccessibleObjectException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Guice's errors into one readable message each: the error's first line, with advice, without a trace. */
public final class WiringErrors {
    private static final Pattern MISSING = Pattern.compile("No implementation for (\\S+?)( \\(with no qualifier)?"
            + " was bound");
    private static final Pattern NOT_OPEN = Pattern.compile("module (\\S+) does not \"opens (\\S+)\" to module "
            + "(\\S+)");

    private WiringErrors() {}

    /** Whether {@code e} is one of Guice's wiring errors. */
    public static boolean isWiringError(Throwable e) {
        return e instanceof ConfigurationException || e instanceof ProvisionException
                || e instanceof CreationException;
    }

    /** The problems of a Guice exception, one line each. */
    public static List<String> problems(Throwable e) {
        Collection<Message> messages = e instanceof ConfigurationException c ? c.getErrorMessages()
                : e instanceof ProvisionException p ? p.getErrorMessages()
                : e instanceof CreationException x ? x.getErrorMessages() : List.of();
        List<String> out = new ArrayList<>();
        for (Message m : messages) {
            out.add(line(m));
        }
        if (out.isEmpty()) {
            out.add(String.valueOf(e.getMessage()));
        }
        return out;
    }

    /** All problems of a Guice exception as one message. */
    public static String describe(Throwable e) {
        List<String> p = problems(e);
        return p.size() == 1 ? p.get(0) : String.join("; ", p);
    }

    private static String line(Message m) {
        for (Throwable c = m.getCause(); c != null; c = c.getCause()) {
            if (c instanceof InaccessibleObjectException) {
                Matcher n = NOT_OPEN.matcher(String.valueOf(c.getMessage()));
                if (n.find()) {
                    return "module " + n.group(1) + " does not open package " + n.group(2) + " to " + n.group(3)
                            + ": add 'opens " + n.group(2) + " to com.google.guice;' to its module-info.java";
                }
                return String.valueOf(c.getMessage());
            }
        }
        if (m.getCause() != null) {
            Throwable c = m.getCause();
            return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
        }
        String first = m.getMessage().lines().findFirst().orElse("").trim();
        first = first.replaceFirst("^\\[Guice/[A-Za-z]+\\]:\\s*", "");
        Matcher missing = MISSING.matcher(first);
        if (missing.find()) {
            return "it injects " + simple(missing.group(1)) + ", which the runner does not provide here; a plugin "
                    + "may inject " + RunWiring.INJECTABLE;
        }
        return first;
    }

    private static String simple(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}
