package dev.ebm.estimators.sampling;

import dev.ebm.api.Rng;
import dev.ebm.estimators.CountingEnergy;
import dev.ebm.estimators.Energies;
import dev.ebm.estimators.LogZEstimate;
import dev.ebm.estimators.proposal.Proposal;
import dev.ebm.estimators.stats.LogMean;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Importance sampling: Ẑ = (1/n)·Σ_k exp(−E(y_k))/q(y_k) over independent draws y_k ~ q from a normalised proposal,
 * unbiased for Z whenever q &gt; 0 wherever exp(−E) is; log Ẑ is biased low by about half its squared relative error
 * (Jensen). The standard error of log Ẑ is the delta method's sd(w)/(√n·mean(w)) over the independent weights; the
 * Pareto k̂ of the weights says whether that standard error can be believed (k̂ &lt; 0.5: finite variance).
 */
public final class ImportanceSampling {
    public static final String ID = "is";

    private ImportanceSampling() {}

    /** The estimate from log-weights log w_k = −E(y_k) − log q(y_k) of independent draws. */
    public static LogZEstimate fromLogWeights(double[] logW) {
        LogMean m = LogMean.of(logW);
        return Weights.estimate(ID, m.log(), m.stderr(), "delta method over " + logW.length
                + " independent weights", logW, Map.of("samples", (double) logW.length));
    }

    /** Draws {@code n} points from {@code q} and weighs them; the cost is the n energy evaluations. */
    public static LogZEstimate run(CountingEnergy energy, Proposal q, int n, Rng rng, long[] sampleShape,
            DataType dtype) {
        long e0 = energy.evaluations();
        long g0 = energy.gradients();
        INDArray y = q.sample(n, rng, dtype);
        double[] logW = logWeights(energy, q, y, sampleShape, dtype);
        return fromLogWeights(logW).withCost(energy.evaluations() - e0, energy.gradients() - g0)
                .withSetup("proposal " + q.describe());
    }

    /** −E(y) − log q(y) for the rows of {@code y}. */
    static double[] logWeights(CountingEnergy energy, Proposal q, INDArray y, long[] sampleShape, DataType dtype) {
        double[] negE = Energies.negative(energy, Energies.flatten(y), sampleShape, dtype);
        double[] logQ = q.logDensity(y);
        double[] logW = new double[negE.length];
        for (int i = 0; i < logW.length; i++) {
            logW[i] = negE[i] - logQ[i];
        }
        return logW;
    }
}
