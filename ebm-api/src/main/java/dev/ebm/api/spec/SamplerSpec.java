package dev.ebm.api.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The spec of a sampler; its {@code type} names the provider. Implementations are immutable records.
 *
 * <p>A sampler spec may carry {@code transitions} that the driver applies to the chains after every
 * {@code transitionEvery}-th step of a chain run ({@link dev.ebm.api.Chains#run}); records declare them as
 * components of these names, and a spec without them has none.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface SamplerSpec {

    /**
     * Steps per chain run (the k of CD-k), or null when the spec has no such setting. A record with an
     * {@code Integer steps} component implements this with its accessor.
     */
    default Integer steps() {
        return null;
    }

    /** Transitions applied to the chains during a run, in order; empty for none. */
    default List<TransitionSpec> transitions() {
        return List.of();
    }

    /** Apply {@link #transitions()} after every this many steps; null when there are none. */
    default Integer transitionEvery() {
        return null;
    }
}
