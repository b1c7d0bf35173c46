/**
 * Runner services a plugin may inject ({@code @Inject}) into the objects its provider creates: the run's
 * {@link dev.ebm.api.run.MetricsSink}, {@link dev.ebm.api.run.RunClock} and {@link dev.ebm.api.run.RunDirectory},
 * besides the run's resolved {@link dev.ebm.api.spec.ExperimentSpec} and a {@link java.lang.System.Logger}.
 * Randomness is never injected: plugins receive an explicit {@link dev.ebm.api.Rng}.
 */
package dev.ebm.api.run;
