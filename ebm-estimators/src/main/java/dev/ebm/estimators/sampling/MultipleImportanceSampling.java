package dev.ebm.estimators.sampling;

import dev.ebm.api.Rng;
import dev.ebm.estimators.CountingEnergy;
import dev.ebm.estimators.Energies;
import dev.ebm.estimators.LogZEstimate;
import dev.ebm.estimators.proposal.MixtureProposal;
import dev.ebm.estimators.proposal.Proposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multiple importance sampling with the balance heuristic (Veach &amp; Guibas 1995): n_j draws from each proposal
 * q_j (a deterministic allocation, N = Σn_j), each weighed against the mixture of all of them,
 * w(x) = exp(−E(x)) / Σ_j (n_j/N)·q_j(x), and Ẑ = (1/N)·Σ w. A draw that one proposal places badly is rescued by the
 * others' densities, so one poor proposal cannot make the variance infinite when another covers the model.
 * Standard error: the delta method with the stratified variance Σ_j (n_j/N)²·Var_j(w)/n_j (independent draws within
 * and across proposals).
 */
public final class MultipleImportanceSampling {
    public static final String ID = "mis";

    private MultipleImportanceSampling() {}

    /**
     * The estimate from the log-weights of the pooled draws (already against the balance mixture) and the proposal
     * each draw came from.
     */
    public static LogZEstimate fromLogWeights(double[] logW, int[] stratum, int strata) {
        int n = logW.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logW) {
            max = Math.max(max, v);
        }
        double[] sum = new double[strata];
        double[] sumSq = new double[strata];
        int[] count = new int[strata];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = Math.exp(logW[i] - max);
            sum[stratum[i]] += w;
            sumSq[stratum[i]] += w * w;
            count[stratum[i]]++;
            total += w;
        }
        double mean = total / n;
        double var = 0;
        for (int j = 0; j < strata; j++) {
            if (count[j] > 1) {
                double mj = sum[j] / count[j];
                double vj = Math.max(0, (sumSq[j] - count[j] * mj * mj) / (count[j] - 1));
                double share = (double) count[j] / n;
                var += share * share * vj / count[j];
            }
        }
        return Weights.estimate(ID, max + Math.log(mean), Math.sqrt(var) / mean, "delta method, variance "
                + "stratified over " + strata + " proposals", logW, Map.of("samples", (double) n,
                        "proposals", (double) strata));
    }

    /**
     * Draws {@code counts[j]} points from each {@code proposals.get(j)} and weighs them against the balance mixture;
     * the cost is the N energy evaluations.
     */
    public static LogZEstimate run(CountingEnergy energy, List<? extends Proposal> proposals, int[] counts, Rng rng,
            long[] sampleShape, DataType dtype) {
        long e0 = energy.evaluations();
        long g0 = energy.gradients();
        double[] shares = new double[counts.length];
        List<INDArray> draws = new ArrayList<>();
        int total = 0;
        for (int j = 0; j < counts.length; j++) {
            shares[j] = counts[j];
            draws.add(proposals.get(j).sample(counts[j], rng, DataType.DOUBLE));
            total += counts[j];
        }
        int[] stratum = new int[total];
        int at = 0;
        for (int j = 0; j < counts.length; j++) {
            for (int i = 0; i < counts[j]; i++) {
                stratum[at++] = j;
            }
        }
        INDArray y = Nd4j.concat(0, draws.toArray(new INDArray[0])).castTo(dtype).castTo(DataType.DOUBLE);
        MixtureProposal balance = new MixtureProposal(shares, proposals, "balance mixture");
        double[] negE = Energies.negative(energy, y, sampleShape, dtype);
        double[] logMix = balance.logDensity(y);
        double[] logW = new double[total];
        for (int i = 0; i < total; i++) {
            logW[i] = negE[i] - logMix[i];
        }
        StringBuilder setup = new StringBuilder("proposals");
        for (int j = 0; j < counts.length; j++) {
            setup.append(j == 0 ? " " : ", ").append(proposals.get(j).describe()).append(" x").append(counts[j]);
        }
        return fromLogWeights(logW, stratum, counts.length)
                .withCost(energy.evaluations() - e0, energy.gradients() - g0).withSetup(setup.toString());
    }
}
