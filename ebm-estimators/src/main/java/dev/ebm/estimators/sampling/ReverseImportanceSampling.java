package dev.ebm.estimators.sampling;

import dev.ebm.estimators.CountingEnergy;
import dev.ebm.estimators.Energies;
import dev.ebm.estimators.LogZEstimate;
import dev.ebm.estimators.proposal.Proposal;
import dev.ebm.estimators.stats.LogMean;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reverse importance sampling (the harmonic-mean estimator, Gelfand &amp; Dey 1994): 1/Z = E_p[q(x)/exp(−E(x))] for
 * a normalised q, so log Ẑ = −log((1/n)·Σ_i q(x_i)·exp(E(x_i))) over model samples x_i ~ p = exp(−E)/Z.
 *
 * <p>It is unstable by construction: the variance of q/exp(−E) under p is finite only when ∫q²·exp(E) &lt; ∞, i.e.
 * when q has lighter tails than p everywhere; a q only slightly wider than p in one direction makes it infinite,
 * and the estimate then converges (if at all) at a rate slower than 1/√n while its reported standard error looks
 * small. The Pareto k̂ of the terms q/exp(−E) is reported and a warning is raised above 0.5; model samples from MCMC
 * that have not mixed make it worse. Standard error: the delta method over the terms, taken as independent.
 */
public final class ReverseImportanceSampling {
    public static final String ID = "ris";

    private ReverseImportanceSampling() {}

    /** The estimate from log-terms a_i = log q(x_i) + E(x_i) at independent model samples. */
    public static LogZEstimate fromLogTerms(double[] logTerms) {
        LogMean m = LogMean.of(logTerms);
        LogZEstimate e = Weights.estimate(ID, -m.log(), m.stderr(), "delta method over " + logTerms.length
                + " model samples taken as independent", logTerms, Map.of("samples", (double) logTerms.length));
        return e.with(Map.of(), List.of("reverse IS (harmonic mean) has infinite variance unless the proposal's "
                + "tails are lighter than the model's; its standard error is not a reliable error bar"));
    }

    /** The estimate at model samples {@code x} {@code [n, ...]}; the cost is the n energy evaluations. */
    public static LogZEstimate run(CountingEnergy energy, Proposal q, INDArray x, long[] sampleShape,
            DataType dtype) {
        long e0 = energy.evaluations();
        long g0 = energy.gradients();
        double[] negE = Energies.negative(energy, Energies.flatten(x), sampleShape, dtype);
        double[] logQ = q.logDensity(x);
        double[] a = new double[negE.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = logQ[i] - negE[i];
        }
        return fromLogTerms(a).withCost(energy.evaluations() - e0, energy.gradients() - g0)
                .withSetup("proposal " + q.describe());
    }
}
