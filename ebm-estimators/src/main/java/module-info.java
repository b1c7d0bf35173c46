/**
 * Estimators of log Z = log ∫exp(−E) for an energy E, each with a standard error and its cost in energy
 * evaluations: importance sampling (given or fitted proposals), reverse importance sampling, multiple importance
 * sampling (balance heuristic), bridge sampling (the optimal bridge of Meng &amp; Wong 1996), reverse logistic
 * regression (Geyer 1994; two- and multi-sample) and annealed importance sampling, forward and reverse, on the
 * framework's own sampler kernels. Depends on the api only; kernels come from the plugin registry.
 */
module dev.ebm.estimators {
    requires transitive dev.ebm.api;

    exports dev.ebm.estimators;
    exports dev.ebm.estimators.proposal;
    exports dev.ebm.estimators.sampling;
    exports dev.ebm.estimators.bridge;
    exports dev.ebm.estimators.ais;
    exports dev.ebm.estimators.stats;
    exports dev.ebm.estimators.unified;
    exports dev.ebm.estimators.generator;
}
