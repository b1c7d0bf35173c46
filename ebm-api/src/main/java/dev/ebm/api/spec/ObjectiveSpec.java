package dev.ebm.api.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The spec of one objective term; its {@code type} names the provider. Implementations are immutable records. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface ObjectiveSpec {

    /** The term's weight in the summed loss. */
    Double weight();
}
