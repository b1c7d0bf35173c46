package dev.ebm.api.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The spec of a sampler; its {@code type} names the provider. Implementations are immutable records. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface SamplerSpec {}
