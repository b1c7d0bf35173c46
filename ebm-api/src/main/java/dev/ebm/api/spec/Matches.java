package dev.ebm.api.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A regular expression a string spec field must match as a whole; {@link Checks#field} reports a mismatch as
 * {@link #message} followed by {@code , found 'value'}, and {@code bin/ebm schema} publishes it as the field's
 * {@code pattern} (anchored).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Matches {
    String value();

    /** What a legal value looks like, e.g. {@code must use only letters, digits, '.', '_' and '-'}. */
    String message();
}
