package dev.ebm.api.plugin;

import dev.ebm.api.spec.ObjectiveSpec;

/** The service interface of objective terms. */
public interface ObjectiveProvider extends Provider<ObjectiveSpec, dev.ebm.api.ObjectiveTerm> {}
