package dev.ebm.api.plugin;

import dev.ebm.api.spec.EnergySpec;

/** The service interface of energy functions. */
public interface EnergyProvider extends Provider<EnergySpec, dev.ebm.api.EnergyFunction> {}
