package dev.ebm.api.plugin;

import dev.ebm.api.spec.OptimizerSpec;

/** The service interface of optimizers. */
public interface OptimizerProvider extends Provider<OptimizerSpec, dev.ebm.api.Optimizer> {}
