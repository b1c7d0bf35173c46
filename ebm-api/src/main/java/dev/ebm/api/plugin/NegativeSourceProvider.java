package dev.ebm.api.plugin;

import dev.ebm.api.spec.NegativeSourceSpec;

/** The service interface of negative sources. */
public interface NegativeSourceProvider extends Provider<NegativeSourceSpec, dev.ebm.api.NegativeSource> {}
