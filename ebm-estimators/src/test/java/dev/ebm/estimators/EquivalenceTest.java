package dev.ebm.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Rng;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import dev.ebm.estimators.bridge.BridgeSampling;
import dev.ebm.estimators.bridge.ReverseLogistic;
import dev.ebm.estimators.proposal.GaussianProposal;
import dev.ebm.estimators.proposal.MixtureProposal;
import dev.ebm.estimators.proposal.Proposal;
import dev.ebm.estimators.sampling.MultipleImportanceSampling;
import dev.ebm.estimators.stats.LogMean;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The equivalences of the unified view, on the same samples and to the solvers' tolerance: NCE's log Z at a fixed
 * shape (the objectives module's {@code nce} term, minimised over its log Z alone), the optimal bridge and two-sample
 * reverse logistic regression solve one equation; importance sampling and reverse importance sampling are the
 * bridge's limits; multi-sample RLR with known proposal constants is MIS with the balance heuristic (no model
 * samples) or the bridge against the balance mixture (with model samples).
 */
class EquivalenceTest {
    private static final EnergyFunction MODEL = Fixtures.energy(Fixtures.mixture(2));
    private static final double[] NOISE_MEAN = {0.0, 0.5};
    private static final double NOISE_STD = 1.5;
    private static final int NP = 400;
    private static final int RATIO = 2;

    private static double[] logRatio(Proposal q, INDArray x) {
        double[] negE = Energies.negative(MODEL, x, MODEL.sampleShape(), Fixtures.F64);
        double[] lq = q.logDensity(x);
        for (int i = 0; i < negE.length; i++) {
            negE[i] -= lq[i];
        }
        return negE;
    }

    @Test
    void nceAtAFixedShapeTheOptimalBridgeAndTwoSampleRlrSolveOneEquation() {
        INDArray x = Fixtures.exact(MODEL, NP, new Rng(11)).x();
        GaussianProposal q = GaussianProposal.isotropic(NOISE_MEAN, NOISE_STD);
        // the nce term draws its noise from the batch generator: the same generator state gives the same draws
        Rng noiseRng = new Rng(12);
        INDArray z = Rng.fromState(noiseRng.state()).normal(Fixtures.F64, (long) RATIO * NP, 2);
        INDArray y = z.mul(NOISE_STD).addRowVector(Nd4j.createFromArray(NOISE_MEAN));
        double[] lP = logRatio(q, x);
        double[] lQ = logRatio(q, y);

        BridgeSampling.Solution bridge = BridgeSampling.solve(lP, lQ, RATIO);
        double[][] logH = pooled(x, y, q);
        ReverseLogistic.Fit rlr = ReverseLogistic.fit(logH, new int[] {NP, RATIO * NP}, new Double[] {null, 0.0});
        double nce = nceLogZ(x, noiseRng);

        System.out.printf("equivalence: bridge %.12f, two-sample rlr %+.1e, nce term at a fixed shape %+.1e "
                + "(bridge stderr %.4f, rlr stderr %.4f, truth %.4f)%n", bridge.logZ(), rlr.eta()[0] - bridge.logZ(),
                nce - bridge.logZ(), bridge.stderr(), rlr.stderr()[0], Fixtures.truth(MODEL));
        assertThat(rlr.eta()[0]).isCloseTo(bridge.logZ(), within(1e-10));
        assertThat(nce).isCloseTo(bridge.logZ(), within(1e-8));
        // and all three are estimates of the truth, within a few of the bridge's standard errors
        assertThat(bridge.logZ()).isCloseTo(Fixtures.truth(MODEL), within(4 * bridge.stderr()));
        // the bridge's and RLR's standard errors are two formulas for one asymptotic variance
        assertThat(rlr.stderr()[0]).isCloseTo(bridge.stderr(), within(0.25 * bridge.stderr()));
    }

    @Test
    void importanceSamplingAndReverseImportanceSamplingAreTheBridgesLimits() {
        INDArray x = Fixtures.exact(MODEL, NP, new Rng(21)).x();
        GaussianProposal q = GaussianProposal.isotropic(NOISE_MEAN, NOISE_STD);
        INDArray y = q.sample(800, new Rng(22), Fixtures.F64);
        double[] lP = logRatio(q, x);
        double[] lQ = logRatio(q, y);
        double is = LogMean.of(lQ).log();
        double[] negLP = new double[lP.length];
        for (int i = 0; i < lP.length; i++) {
            negLP[i] = -lP[i];
        }
        double ris = -LogMean.of(negLP).log();
        // ν → ∞: the model samples drop out (proposal samples only); ν → 0: the proposal samples drop out
        System.out.printf("equivalence: bridge(nu=1e40) - IS %+.1e, bridge(nu=1e-40) - RIS %+.1e, IS %.6f, RIS %.6f, "
                + "optimal bridge %.6f%n", BridgeSampling.solve(lP, lQ, 1e40).logZ() - is,
                BridgeSampling.solve(lP, lQ, 1e-40).logZ() - ris, is, ris, BridgeSampling.solve(lP, lQ, 2).logZ());
        assertThat(BridgeSampling.solve(lP, lQ, 1e40).logZ()).isCloseTo(is, within(1e-8));
        assertThat(BridgeSampling.solve(lP, lQ, 1e-40).logZ()).isCloseTo(ris, within(1e-8));
        // in between, the optimal ν = n_q/n_p is not either of them
        double optimal = BridgeSampling.solve(lP, lQ, 2).logZ();
        assertThat(Math.abs(optimal - is) + Math.abs(optimal - ris)).isGreaterThan(1e-4);
    }

    @Test
    void multiSampleRlrWithKnownProposalsIsMisWithTheBalanceHeuristic() {
        GaussianProposal q1 = GaussianProposal.isotropic(new double[] {-1, 0}, 1.0);
        GaussianProposal q2 = GaussianProposal.isotropic(new double[] {1, 1}, 1.4);
        int n1 = 300;
        int n2 = 500;
        INDArray y = Nd4j.concat(0, q1.sample(n1, new Rng(31), Fixtures.F64), q2.sample(n2, new Rng(32),
                Fixtures.F64));
        double[] negE = Energies.negative(MODEL, y, MODEL.sampleShape(), Fixtures.F64);
        MixtureProposal balance = new MixtureProposal(new double[] {n1, n2}, List.of(q1, q2), "balance");
        double[] lmix = balance.logDensity(y);
        double[] logW = new double[n1 + n2];
        int[] stratum = new int[n1 + n2];
        for (int i = 0; i < logW.length; i++) {
            logW[i] = negE[i] - lmix[i];
            stratum[i] = i < n1 ? 0 : 1;
        }
        LogZEstimate mis = MultipleImportanceSampling.fromLogWeights(logW, stratum, 2);
        double[][] logH = {negE, q1.logDensity(y), q2.logDensity(y)};
        // the model has no samples: its constant is the Vardi/umbrella estimate, here exactly MIS
        ReverseLogistic.Fit known = ReverseLogistic.fit(logH, new int[] {0, n1, n2}, new Double[] {null, 0.0, 0.0});
        System.out.printf("equivalence: MIS balance %.12f, RLR with known proposals (Vardi) %+.1e, Geyer's joint RLR "
                + "%+.1e (MIS stderr %.4f)%n", mis.logZ(), known.eta()[0] - mis.logZ(), joint(logH, n1, n2)
                - mis.logZ(), mis.stderr());
        assertThat(known.eta()[0]).isCloseTo(mis.logZ(), within(1e-12));
        assertThat(known.stderr()[0]).isCloseTo(mis.stderr(), within(1e-12));
        // Geyer's joint fit estimates q2's constant too: no longer identical, but the same to Monte Carlo error
        ReverseLogistic.Fit joint = ReverseLogistic.fit(logH, new int[] {0, n1, n2}, new Double[] {null, 0.0, null});
        assertThat(joint.eta()[2]).isCloseTo(0.0, within(4 * joint.stderr()[2])).isNotEqualTo(0.0);
        assertThat(joint.eta()[0]).isCloseTo(mis.logZ(), within(3 * mis.stderr()));
        assertThat(mis.logZ()).isCloseTo(Fixtures.truth(MODEL), within(4 * mis.stderr()));
    }

    @Test
    void multiSampleRlrWithModelSamplesIsTheBridgeAgainstTheBalanceMixture() {
        GaussianProposal q1 = GaussianProposal.isotropic(new double[] {-1, 0}, 1.0);
        GaussianProposal q2 = GaussianProposal.isotropic(new double[] {1, 1}, 1.4);
        int n1 = 300;
        int n2 = 500;
        INDArray x = Fixtures.exact(MODEL, NP, new Rng(41)).x();
        INDArray y = Nd4j.concat(0, q1.sample(n1, new Rng(42), Fixtures.F64), q2.sample(n2, new Rng(43),
                Fixtures.F64));
        MixtureProposal balance = new MixtureProposal(new double[] {n1, n2}, List.of(q1, q2), "balance");
        INDArray all = Nd4j.concat(0, x, y);
        double[][] logH = {Energies.negative(MODEL, all, MODEL.sampleShape(), Fixtures.F64), q1.logDensity(all),
            q2.logDensity(all)};
        ReverseLogistic.Fit rlr = ReverseLogistic.fit(logH, new int[] {NP, n1, n2}, new Double[] {null, 0.0, 0.0});
        BridgeSampling.Solution bridge = BridgeSampling.solve(logRatio(balance, x), logRatio(balance, y),
                (double) (n1 + n2) / NP);
        System.out.printf("equivalence: bridge against the balance mixture %.12f, multi-sample RLR %+.1e%n",
                bridge.logZ(), rlr.eta()[0] - bridge.logZ());
        assertThat(rlr.eta()[0]).isCloseTo(bridge.logZ(), within(1e-10));
        assertThat(bridge.logZ()).isCloseTo(Fixtures.truth(MODEL), within(4 * bridge.stderr()));
    }

    private static double joint(double[][] logH, int n1, int n2) {
        return ReverseLogistic.fit(logH, new int[] {0, n1, n2}, new Double[] {null, 0.0, null}).eta()[0];
    }

    private static double[][] pooled(INDArray x, INDArray y, Proposal q) {
        INDArray all = Nd4j.concat(0, x, y);
        return new double[][] {Energies.negative(MODEL, all, MODEL.sampleShape(), Fixtures.F64), q.logDensity(all)};
    }

    /** The nce term's log Z minimised alone (the energy is analytic: its shape has nothing to train). */
    private static double nceLogZ(INDArray x, Rng noiseRng) {
        ObjectiveTerm term;
        try {
            ObjectiveSpec spec = new SpecBinder(Fixtures.REGISTRY).bind(new ObjectMapper().readTree(
                    "{\"type\":\"nce\",\"ratio\":" + RATIO + ",\"noise\":{\"mean\":[" + NOISE_MEAN[0] + ","
                            + NOISE_MEAN[1] + "],\"std\":" + NOISE_STD + "}}"), ObjectiveSpec.class);
            term = Fixtures.REGISTRY.create(spec, new PluginContext(Fixtures.F64, new long[] {2}, null,
                    Fixtures.REGISTRY, new Rng(0)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        term.prepare(null, new Rng(0));
        Tensor logZ = term.parameters().get("logZ");
        long[] state = noiseRng.state();
        // dL/dc is increasing in c (the loss is convex in c): its root by Brent's method, to 1e-13
        double root = new BrentSolver(1e-13).solve(200, c -> {
            logZ.value().putScalar(0, c);
            TrainBatch batch = new TrainBatch(Tensor.constant(x), null, MODEL, null, null, null,
                    Rng.fromState(state));
            return Autodiff.grad(term.loss(batch), logZ, false).item();
        }, -30, 30);
        return root;
    }
}
