package dev.ebm.api.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/**
 * What the annotations of one spec record component declare ({@link Default}, {@link Range}, {@link OneOf},
 * {@link Required}, {@link Matches}): the one source that both the record's validation ({@link Checks#field}) and
 * the JSON Schema of {@code bin/ebm schema} read.
 *
 * @param name the component's name, which is the spec key
 * @param type the component's generic type
 * @param defaultValue the parsed {@link Default} (immutable), or null
 * @param ranges the {@link Range}s, checked in order (empty for none)
 * @param choices the {@link OneOf} values, or an empty list
 * @param required the {@link Required}, or null
 * @param matches the {@link Matches}, or null
 */
public record SpecField(String name, Type type, Object defaultValue, List<Range> ranges, List<String> choices,
        Required required, Matches matches) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The declaration of a record component. */
    static SpecField of(RecordComponent rc) {
        Default d = rc.getAnnotation(Default.class);
        OneOf oneOf = rc.getAnnotation(OneOf.class);
        return new SpecField(rc.getName(), rc.getGenericType(), d == null ? null : parse(rc, d.value()),
                List.of(rc.getAnnotationsByType(Range.class)), oneOf == null ? List.of() : List.of(oneOf.value()),
                rc.getAnnotation(Required.class), rc.getAnnotation(Matches.class));
    }

    private static Object parse(RecordComponent rc, String text) {
        if (rc.getType() == String.class) {
            return text;
        }
        try {
            Object v = JSON.readValue(text, JSON.getTypeFactory().constructType(rc.getGenericType()));
            return v instanceof List<?> list ? List.copyOf(list) : v;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("@Default(\"" + text + "\") of " + rc.getDeclaringRecord().getName() + "."
                    + rc.getName() + " is not a " + rc.getGenericType().getTypeName(), e);
        }
    }

    /** The message for a missing required value: {@code is required} and the annotation's explanation. */
    String requiredMessage() {
        String v = required.value();
        return v.isEmpty() ? "is required" : v.startsWith(":") ? "is required" + v : "is required (" + v + ")";
    }

    /** Records in {@code c} every way {@code value} (not null) breaks this declaration. */
    void validate(Object value, Checks c) {
        if (value instanceof Number n && !ranges.isEmpty()) {
            String problem = rangeProblem(n.doubleValue());
            c.check(problem == null, name, problem + ", found " + value);
        } else if (value instanceof List<?> list && !ranges.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                String problem = rangeProblem(e instanceof Number n ? n.doubleValue() : Double.NaN);
                c.check(problem == null, name + "[" + i + "]", problem + ", found " + e);
            }
        } else if (value instanceof String s) {
            if (!choices.isEmpty() && !choices.contains(s)) {
                c.fail(name, "unknown '" + s + "'; known: " + choices);
            }
            if (matches != null && !s.matches(matches.value())) {
                c.fail(name, matches.message() + ", found '" + s + "'");
            }
        }
    }

    /** Null when {@code v} lies in every range, else what the first range it breaks requires. */
    private String rangeProblem(double v) {
        for (Range r : ranges) {
            String problem = rangeProblem(r, v);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Null when {@code v} lies in the range (and is finite), else what it must be, e.g. {@code must be > 0}. */
    static String rangeProblem(Range r, double v) {
        boolean hasLow = r.min() > Double.NEGATIVE_INFINITY;
        boolean hasHigh = r.max() < Double.POSITIVE_INFINITY;
        boolean lowOk = !hasLow || (r.exclusiveMin() ? v > r.min() : v >= r.min());
        boolean highOk = !hasHigh || (r.exclusiveMax() ? v < r.max() : v <= r.max());
        if (lowOk && highOk && Double.isFinite(v)) {
            return null;
        }
        if (!hasLow && !hasHigh) {
            return "must be a finite number";
        }
        String why = r.why().isEmpty() ? "" : " (" + r.why() + ")";
        if (hasLow && hasHigh && why.isEmpty()) {
            return "must be in " + (r.exclusiveMin() ? "(" : "[") + format(r.min()) + ", " + format(r.max())
                    + (r.exclusiveMax() ? ")" : "]");
        }
        boolean lower = !lowOk || (highOk && hasLow);
        if (lower) {
            return "must be " + (r.exclusiveMin() ? "> " : ">= ") + format(r.min()) + why;
        }
        return "must be " + (r.exclusiveMax() ? "< " : "<= ") + format(r.max()) + why;
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
