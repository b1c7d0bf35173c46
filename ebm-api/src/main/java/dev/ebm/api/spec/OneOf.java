package dev.ebm.api.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The legal values of a string spec field, in the order messages list them ({@code unknown 'swsh'; known: [elu,
 * ...]}); {@code bin/ebm schema} publishes them as the field's {@code enum}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OneOf {
    String[] value();
}
