package dev.ebm.api.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A spec field that must always be given: {@link Checks#field} reports its absence as {@code is required} followed
 * by {@link #value} in parentheses, and {@code bin/ebm schema} lists it under {@code required}. Fields required
 * only together with others (e.g. {@code noise} with {@code stepSize}) are checked in the compact constructor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Required {
    /**
     * What the field is, shown after "is required" in parentheses, or directly when it starts with a colon
     * ({@code ": one value per coordinate"}); empty for nothing.
     */
    String value() default "";
}
