package dev.ebm.api.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The legal values of a numeric spec field, or of every entry of a list of numbers. A number must also be finite
 * ({@code @Range} without bounds requires only that). {@link Checks#field} reports a value outside as
 * {@code must be > 0, found -0.01}, {@code must be in [0, 1], found 1.5} (both bounds, no {@link #why}) or
 * {@code must be <= 1 (why), found 2}; {@code bin/ebm schema} publishes the bounds as {@code minimum},
 * {@code exclusiveMinimum}, {@code maximum} and {@code exclusiveMaximum}.
 *
 * <p>Several ranges on one field are checked in order and the first one broken is reported, so each bound can
 * have its own message: {@code @Range(min = 0, exclusiveMin = true) @Range(min = 0.01, why = "...")} says
 * {@code must be > 0} for −1 and {@code must be >= 0.01 (...)} for 0.001; the schema publishes the tightest bounds.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@Repeatable(Ranges.class)
public @interface Range {
    double min() default Double.NEGATIVE_INFINITY;

    /** Whether {@link #min} itself is excluded ({@code > min} rather than {@code >= min}). */
    boolean exclusiveMin() default false;

    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #max} itself is excluded. */
    boolean exclusiveMax() default false;

    /** Why the range is what it is, shown in the message; empty for none. */
    String why() default "";
}
