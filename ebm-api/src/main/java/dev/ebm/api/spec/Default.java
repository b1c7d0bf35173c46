package dev.ebm.api.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value an absent spec field takes, written as in a spec: {@code "0.1"}, {@code "20"}, {@code "swish"},
 * {@code "[128, 128]"}, {@code "true"}. The record's {@link Checks#field} fills it in, and {@code bin/ebm schema}
 * publishes it as the field's {@code default}. A default that depends on other fields is not declared here; the
 * compact constructor computes it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
    String value();
}
