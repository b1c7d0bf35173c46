package dev.ebm.estimators.unified;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.estimators.Energies;
import dev.ebm.estimators.LogZEstimate;
import dev.ebm.estimators.bridge.BridgeSampling;
import dev.ebm.estimators.bridge.ReverseLogistic;
import dev.ebm.estimators.proposal.MixtureProposal;
import dev.ebm.estimators.proposal.Proposal;
import dev.ebm.estimators.sampling.MultipleImportanceSampling;
import dev.ebm.estimators.stats.LogMean;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The equivalences of the unified view (Martino 2026) on one energy and one set of model samples, each pair solved on
 * the same points, so that the pair agrees to the solvers' tolerance rather than to Monte Carlo error:
 * <ol>
 *   <li>two-sample reverse logistic regression = the optimal bridge (first proposal q, ν = n_q/n_p);</li>
 *   <li>the bridge with ν → ∞ = importance sampling on the q draws; with ν → 0 = reverse IS on the model samples;
 *   </li>
 *   <li>the registry's {@code nce} term, its log Z learned at a fixed shape = the optimal bridge against its noise
 *   (an isotropic Gaussian with the model samples' mean and 1.2 times their root-mean-square standard deviation:
 *   the term takes isotropic noise only);</li>
 *   <li>multi-sample RLR with no model samples and every proposal's constant known (the Vardi/umbrella estimator) =
 *   multiple importance sampling with the balance heuristic;</li>
 *   <li>multi-sample RLR with model samples = the bridge against the balance mixture Σ_j (n_j/n_q)·q_j.</li>
 * </ol>
 * The energy is evaluated at every point once per relation (the nce root also re-evaluates the noise points at each
 * of its Brent steps). Samples are flattened and compared in double; a float32 energy limits the agreement to its
 * rounding.
 */
public final class Equivalences {
    /** Noise draws per model sample (an integer: the nce term's ratio). */
    public static final int RATIO = 2;

    private Equivalences() {}

    /**
     * @param model model samples {@code [n, ...sampleShape]}
     * @param proposals normalised proposals; the first is q, all of them enter the MIS/RLR relations
     */
    public static List<Equivalence> check(EnergyFunction energy, long[] sampleShape, DataType dtype, INDArray model,
            List<? extends Proposal> proposals, PluginRegistry registry, Rng rng) {
        INDArray x = Energies.flatten(model).castTo(DataType.DOUBLE);
        int n = (int) x.size(0);
        double[] negEx = Energies.negative(energy, x, sampleShape, dtype);
        List<Equivalence> out = new ArrayList<>();
        Proposal q = proposals.get(0);
        INDArray y = q.sample(RATIO * n, rng.split(), dtype).castTo(DataType.DOUBLE);
        double[] negEy = Energies.negative(energy, y, sampleShape, dtype);
        double[] lqx = q.logDensity(x);
        double[] lqy = q.logDensity(y);
        double[] lP = minus(negEx, lqx);
        double[] lQ = minus(negEy, lqy);
        String twoSample = n + " model samples, " + RATIO * n + " draws of " + q.describe();
        BridgeSampling.Solution bridge = BridgeSampling.solve(lP, lQ, RATIO);
        ReverseLogistic.Fit rlr = ReverseLogistic.fit(new double[][] {concat(negEx, negEy), concat(lqx, lqy)},
                new int[] {n, RATIO * n}, new Double[] {null, 0.0});
        out.add(new Equivalence("two-sample RLR = optimal bridge", "rlr", rlr.eta()[0], "bridge", bridge.logZ(),
                bridge.stderr(), twoSample));
        LogMean is = LogMean.of(lQ);
        out.add(new Equivalence("bridge with nu -> infinity = importance sampling", "bridge(nu=1e40)",
                BridgeSampling.solve(lP, lQ, 1e40).logZ(), "is", is.log(), is.stderr(), twoSample));
        LogMean harmonic = LogMean.of(negate(lP));
        out.add(new Equivalence("bridge with nu -> 0 = reverse importance sampling", "bridge(nu=1e-40)",
                BridgeSampling.solve(lP, lQ, 1e-40).logZ(), "ris", -harmonic.log(), harmonic.stderr(), twoSample));
        if (NceAtFixedShape.available(registry)) {
            out.add(nce(energy, sampleShape, dtype, model, x, negEx, registry, rng.split()));
        }
        out.addAll(multiSample(energy, sampleShape, dtype, x, negEx, proposals, rng.split()));
        return out;
    }

    private static Equivalence nce(EnergyFunction energy, long[] sampleShape, DataType dtype, INDArray model,
            INDArray x, double[] negEx, PluginRegistry registry, Rng rng) {
        int n = (int) x.size(0);
        double[] mean = x.mean(0).toDoubleVector();
        double std = 1.2 * Math.sqrt(x.var(false, 0).meanNumber().doubleValue());
        NceAtFixedShape term = NceAtFixedShape.create(registry, RATIO, mean, std, dtype, sampleShape);
        long[] state = rng.state();
        INDArray y = term.noise(state, (long) RATIO * n).castTo(DataType.DOUBLE);
        var iso = dev.ebm.estimators.proposal.GaussianProposal.isotropic(mean, std);
        double[] lP = minus(negEx, iso.logDensity(x));
        double[] lQ = minus(Energies.negative(energy, y, sampleShape, dtype), iso.logDensity(y));
        BridgeSampling.Solution bridge = BridgeSampling.solve(lP, lQ, RATIO);
        double c = term.logZ(energy, model, state, new double[] {bridge.logZ() - 30, bridge.logZ() + 30});
        return new Equivalence("nce at a fixed shape = optimal bridge", "nce", c, "bridge", bridge.logZ(),
                bridge.stderr(), n + " model samples as data, " + RATIO * n + " noise draws of the nce term ("
                        + iso.describe() + ")");
    }

    private static List<Equivalence> multiSample(EnergyFunction energy, long[] sampleShape, DataType dtype,
            INDArray x, double[] negEx, List<? extends Proposal> qs, Rng rng) {
        int n = (int) x.size(0);
        int j = qs.size();
        int[] counts = new int[j];
        double[] shares = new double[j];
        List<INDArray> draws = new ArrayList<>();
        int total = 0;
        for (int k = 0; k < j; k++) {
            counts[k] = RATIO * n / j + (k < RATIO * n % j ? 1 : 0);
            shares[k] = counts[k];
            draws.add(qs.get(k).sample(counts[k], rng.split(), dtype).castTo(DataType.DOUBLE));
            total += counts[k];
        }
        INDArray y = Nd4j.concat(0, draws.toArray(new INDArray[0]));
        double[] negEy = Energies.negative(energy, y, sampleShape, dtype);
        MixtureProposal balance = new MixtureProposal(shares, qs, "balance mixture");
        int[] stratum = new int[total];
        for (int k = 0, at = 0; k < j; k++) {
            for (int i = 0; i < counts[k]; i++) {
                stratum[at++] = k;
            }
        }
        LogZEstimate mis = MultipleImportanceSampling.fromLogWeights(minus(negEy, balance.logDensity(y)), stratum, j);
        double[][] logHy = new double[j + 1][];
        double[][] logHall = new double[j + 1][];
        logHy[0] = negEy;
        logHall[0] = concat(negEx, negEy);
        int[] withoutModel = new int[j + 1];
        int[] withModel = new int[j + 1];
        Double[] known = new Double[j + 1];
        withModel[0] = n;
        StringBuilder setup = new StringBuilder();
        for (int k = 0; k < j; k++) {
            logHy[k + 1] = qs.get(k).logDensity(y);
            logHall[k + 1] = concat(qs.get(k).logDensity(x), logHy[k + 1]);
            withoutModel[k + 1] = counts[k];
            withModel[k + 1] = counts[k];
            known[k + 1] = 0.0;
            setup.append(k == 0 ? "" : ", ").append(counts[k]).append(" draws of ").append(qs.get(k).describe());
        }
        ReverseLogistic.Fit vardi = ReverseLogistic.fit(logHy, withoutModel, known);
        ReverseLogistic.Fit rlr = ReverseLogistic.fit(logHall, withModel, known);
        double[] lmx = balance.logDensity(x);
        BridgeSampling.Solution bridge = BridgeSampling.solve(minus(negEx, lmx), minus(negEy,
                balance.logDensity(y)), (double) total / n);
        List<Equivalence> out = new ArrayList<>();
        out.add(new Equivalence("multi-sample RLR without model samples (Vardi) = MIS, balance heuristic",
                "rlr(vardi)", vardi.eta()[0], "mis", mis.logZ(), mis.stderr(), setup.toString()));
        out.add(new Equivalence("multi-sample RLR = bridge against the balance mixture", "rlr", rlr.eta()[0],
                "bridge(balance)", bridge.logZ(), bridge.stderr(), n + " model samples, " + setup));
        return out;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
