package dev.ebm.api.plugin;

import dev.ebm.api.spec.TransitionSpec;

/** The service interface of transitions. */
public interface TransitionProvider extends Provider<TransitionSpec, dev.ebm.api.Transition> {}
