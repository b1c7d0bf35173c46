package dev.ebm.samplers.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.ChainRun;
import dev.ebm.api.ChainState;
import dev.ebm.api.Chains;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.samplers.Fixtures;
import dev.ebm.samplers.Fixtures.Mixture;
import dev.ebm.samplers.spec.ReplicaExchangeSpec;
import dev.ebm.testkit.Stats;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Replica exchange: it finds the weights of well-separated modes that plain MALA, started the same way, cannot;
 * its swaps happen with the exact Metropolis probability and move energies and gradients consistently; warm-up
 * adapts each temperature on its own.
 */
class ReplicaExchangeTest {
    static final int CHAINS = 20_000;
    static final double ALPHA = 1e-3;

    /** Two modes 16 standard deviations apart: a barrier of 32 nats between them. */
    static final Mixture SEPARATED = new Mixture(new double[] {0.3, 0.7}, new double[][] {{-4.0}, {4.0}},
            new double[] {0.5, 0.5});

    static final int STEPS = 200;
    static final int WARMUP = 60;
    /** The inner kernel's own steps bound its warm-up (adapt.warmup &lt; steps); replica exchange runs STEPS. */
    static final String INNER = "{\"type\":\"mala\",\"steps\":" + STEPS + ",\"epsilon\":0.5,"
            + "\"adapt\":{\"warmup\":" + WARMUP + "}}";

    /**
     * 20,000 chains all start in the heavier mode (x = 4). After 200 steps (60 of them warm-up; ladder 1 … 32, six
     * temperatures, geometric; MALA inside adapting its step at each temperature), the share of
     * replica-exchange chains in the lighter mode (x &lt; 0) must pass an exact binomial test against 0.3 and the
     * T = 1 chains a KS test against the mixture, while MALA alone, from the same start for the same steps, must
     * fail the binomial test (it cannot cross the 32-nat barrier). The replica at the second temperature T must
     * hold the tempered mode weight 0.3^(1/T)/(0.3^(1/T) + 0.7^(1/T)) (the modes have equal widths, and do not
     * overlap at that T).
     */
    @Test
    void replicaExchangeFindsTheModeWeightsThatMalaMisses() {
        EnergyFunction e = Fixtures.energy(SEPARATED.json(), 1);
        Target target = Target.of(e);
        INDArray x0 = Nd4j.valueArrayOf(new long[] {CHAINS, 1}, 4.0, DataType.FLOAT);
        SamplerKernel re = Fixtures.kernel("{\"type\":\"replica-exchange\",\"steps\":" + STEPS
                + ",\"maxTemperature\":32,\"replicas\":6,\"kernel\":" + INNER + "}");
        SamplerKernel mala = Fixtures.kernel(INNER);

        long t0 = System.nanoTime();
        ChainRun reRun = Chains.run(re, target, x0, new Rng(41));
        double reSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        ChainRun malaRun = Chains.run(mala, target, x0, new Rng(41));
        double malaSeconds = (System.nanoTime() - t0) / 1e9;

        ModeShare reShare = ModeShare.of(reRun.end().x(), 0.3);
        ModeShare malaShare = ModeShare.of(malaRun.end().x(), 0.3);
        Stats.Ks ks = Stats.ks(Stats.column(reRun.end().x(), 0), SEPARATED.marginalCdf(0));
        ChainState hot = ((ReplicaExchangeKernel) re).replicas(reRun.end()).get(1);
        double[] ladder = ((ReplicaExchangeKernel) re).temperatures();
        double tempered = Math.pow(0.3, 1 / ladder[1]) / (Math.pow(0.3, 1 / ladder[1]) + Math.pow(0.7, 1 / ladder[1]));
        ModeShare hotShare = ModeShare.of(hot.x(), tempered);

        System.out.printf("[replica-exchange] mixture 0.3·N(-4, 0.5²) + 0.7·N(4, 0.5²), %d chains all started at "
                + "x = 4, %d steps (%d warm-up), ladder %s%n", CHAINS, STEPS, WARMUP, java.util.Arrays.toString(ladder));
        System.out.printf("[replica-exchange] replica-exchange(mala): lighter-mode weight %.4f, |error| %.4f, "
                + "binomial p = %.3g; T=1 %s; T=%.3f replica weight %.4f vs %.4f (p = %.3g); %.1f s%n",
                reShare.share, reShare.error(), reShare.p, ks, ladder[1], hotShare.share, tempered, hotShare.p,
                reSeconds);
        System.out.printf("[replica-exchange] mala alone:             lighter-mode weight %.4f, |error| %.4f, "
                + "binomial p = %.3g; acceptance %.3f; %.1f s%n", malaShare.share, malaShare.error(), malaShare.p,
                malaRun.acceptRate(), malaSeconds);
        System.out.printf("[replica-exchange] diagnostics after warm-up: %s%n", reRun.diagnostics());

        assertThat(reShare.p).as("replica exchange: binomial test of the lighter mode's weight").isGreaterThan(ALPHA);
        assertThat(ks.p()).as("replica exchange: KS of the T = 1 chains against the mixture").isGreaterThan(ALPHA);
        assertThat(hotShare.p).as("the T = " + ladder[1] + " replica's tempered mode weight").isGreaterThan(ALPHA);
        assertThat(malaShare.p).as("mala alone: binomial test of the lighter mode's weight").isLessThan(ALPHA);
        assertThat(reRun.diagnostics().keySet()).containsExactly("accept_rate@T=1", "accept_rate@T=2",
                "accept_rate@T=4", "accept_rate@T=8", "accept_rate@T=16", "accept_rate@T=32", "swap_rate@T=1:2",
                "swap_rate@T=2:4", "swap_rate@T=4:8", "swap_rate@T=8:16", "swap_rate@T=16:32");
        reRun.diagnostics().forEach((key, rate) -> assertThat(rate).as(key).isBetween(0.2, 1.0));
    }

    /** The share of chains below 0 and an exact two-sided binomial test of it against {@code expected}. */
    record ModeShare(double share, double expected, double p) {
        static ModeShare of(INDArray x, double expected) {
            double[] v = Stats.column(x, 0);
            int below = 0;
            for (double d : v) {
                below += d < 0 ? 1 : 0;
            }
            double p = BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                    .test(v.length, below, expected).getPValue();
            return new ModeShare(below / (double) v.length, expected, p);
        }

        double error() {
            return Math.abs(share - expected);
        }
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    /** An inner kernel that never moves: only swaps change the chains. */
    static final class Frozen implements SamplerKernel {
        @Override
        public ChainState init(Target target, INDArray x0) {
            INDArray x = x0.dup();
            Target.Evaluation ev = target.evaluate(x);
            return new ChainState(x, ev.energy(), ev.grad(), Double.NaN);
        }

        @Override
        public Step step(Target target, ChainState state, Rng rng) {
            INDArray zeros = Nd4j.zeros(state.x().dataType(), state.chains());
            return new Step(state, new StepInfo(zeros, zeros));
        }

        @Override
        public int steps() {
            return 1;
        }
    }

    /**
     * With the inner moves frozen, replica 0 at x = 0.5 and replica 1 at x = 1.5 on N(0, 1), with the ladder [1, 3]
     * on a target of temperature 2 (so T = 2 and 6): the swap probability is min(1, exp((1/2 − 1/6)(0.125 −
     * 1.125))) = exp(−1/3) = 0.7165 (the normaliser cancels in the energy difference). The share of 20,000 chains
     * swapped must pass a binomial test against it; swapped rows must carry the other position with the energy and
     * gradient of their new temperature (checked against a fresh evaluation), the others be unchanged.
     */
    @Test
    void swapsHappenWithTheMetropolisProbabilityAndRescaleEnergyAndGradient() {
        EnergyFunction e = Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0]}", 1);
        Target target = Target.of(e).atTemperature(2.0);
        ReplicaExchangeSpec spec = new ReplicaExchangeSpec(1, List.of(1.0, 3.0), null, null,
                Fixtures.spec("{\"type\":\"gd\",\"stepSize\":0.1}", dev.ebm.api.spec.SamplerSpec.class), 1, null,
                null);
        ReplicaExchangeKernel k = new ReplicaExchangeKernel(spec, new Frozen());
        INDArray a = Nd4j.valueArrayOf(new long[] {CHAINS, 1}, 0.5, DataType.DOUBLE);
        INDArray b = Nd4j.valueArrayOf(new long[] {CHAINS, 1}, 1.5, DataType.DOUBLE);
        ChainState s = k.init(target, List.of(a, b));
        SamplerKernel.Step step = k.step(target, s, new Rng(7));
        List<ChainState> r = k.replicas(step.state());
        // the base temperature 2 scales the ladder: T = 2 and 6
        double alpha = Math.exp((1 / 2.0 - 1 / 6.0) * (0.5 * 0.25 - 0.5 * 2.25));
        double[] x0 = Stats.column(r.get(0).x(), 0);
        double[] x1 = Stats.column(r.get(1).x(), 0);
        int swapped = 0;
        for (int i = 0; i < CHAINS; i++) {
            boolean sw = x0[i] == 1.5;
            assertThat(x0[i]).isEqualTo(sw ? 1.5 : 0.5);
            assertThat(x1[i]).isEqualTo(sw ? 0.5 : 1.5);
            swapped += sw ? 1 : 0;
        }
        double p = BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(CHAINS, swapped, alpha)
                .getPValue();
        double rate = step.info().diagnostics().get("swap_rate@T=1:3");
        System.out.printf("[replica-exchange] frozen swap test: %d of %d swapped (%.4f) vs exp(-1/3) = %.4f, "
                + "binomial p = %.3g%n", swapped, CHAINS, swapped / (double) CHAINS, alpha, p);
        assertThat(p).isGreaterThan(ALPHA);
        assertThat(rate).isCloseTo(swapped / (double) CHAINS, within(1e-12));
        for (int t = 0; t < 2; t++) {
            Target.Evaluation ev = target.atTemperature(2.0 * (t == 0 ? 1 : 3)).evaluate(r.get(t).x());
            assertThat(maxAbsDiff(r.get(t).energy(), ev.energy())).as("energies at temperature index " + t)
                    .isLessThan(1e-12);
            assertThat(maxAbsDiff(r.get(t).grad(), ev.grad())).as("gradients at temperature index " + t)
                    .isLessThan(1e-12);
        }
        // the visible chains are the T = 1 replicas, and "accepted" marks those that moved
        assertThat(step.state().x().reshape(CHAINS).toDoubleVector()).isEqualTo(x0);
        double[] moved = step.info().accepted().toDoubleVector();
        double[] prob = step.info().acceptProb().toDoubleVector();
        for (int i = 0; i < CHAINS; i++) {
            assertThat(moved[i]).isEqualTo(x0[i] == 1.5 ? 1.0 : 0.0);
            assertThat(prob[i]).isCloseTo(alpha, within(1e-12));
        }
        // the input state is untouched
        assertThat(java.util.Arrays.stream(k.replicas(s).get(0).x().reshape(CHAINS).toDoubleVector())
                .allMatch(v -> v == 0.5)).isTrue();
        assertThat(java.util.Arrays.stream(k.replicas(s).get(1).x().reshape(CHAINS).toDoubleVector())
                .allMatch(v -> v == 1.5)).isTrue();
    }

    /** Swaps every third step only; steps in between report no swap rate. */
    @Test
    void swapEveryControlsWhenSwapsAreAttempted() {
        EnergyFunction e = Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0]}", 1);
        SamplerKernel re = Fixtures.kernel("{\"type\":\"replica-exchange\",\"swapEvery\":3,\"temperatures\":[1,2,4],"
                + "\"kernel\":{\"type\":\"mala\",\"epsilon\":0.8}}");
        Target target = Target.of(e);
        ChainState s = re.init(target, new Rng(1).normal(DataType.FLOAT, 1000, 1));
        Rng rng = new Rng(2);
        for (int t = 1; t <= 7; t++) {
            SamplerKernel.Step step = re.step(target, s, rng);
            Map<String, Double> d = step.info().diagnostics();
            assertThat(d).as("step " + t).containsKeys("accept_rate@T=1", "accept_rate@T=2", "accept_rate@T=4");
            if (t % 3 == 0) {
                assertThat(d).as("step " + t).containsKeys("swap_rate@T=1:2", "swap_rate@T=2:4");
            } else {
                assertThat(d).as("step " + t).doesNotContainKeys("swap_rate@T=1:2", "swap_rate@T=2:4");
            }
            s = step.state();
        }
    }

    /**
     * Warm-up adapts each temperature to its own step: on N(0, 1) the tempered target N(0, T) wants a step that
     * grows with T, and after warm-up every temperature accepts near MALA's target 0.574.
     */
    @Test
    void warmUpAdaptsEveryTemperatureOnItsOwn() {
        EnergyFunction e = Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0,0]}", 2);
        ReplicaExchangeKernel re = (ReplicaExchangeKernel) Fixtures.kernel("{\"type\":\"replica-exchange\","
                + "\"steps\":120,\"temperatures\":[1,4,16],\"kernel\":{\"type\":\"mala\",\"steps\":120,\"epsilon\":0.3,"
                + "\"adapt\":{\"warmup\":80}}}");
        assertThat(re.warmupSteps()).isEqualTo(80);
        Rng rng = new Rng(3);
        ChainRun run = Chains.run(re, Target.of(e), rng.normal(DataType.FLOAT, 4000, 2), rng);
        List<ChainState> r = re.replicas(run.end());
        double[] h = r.stream().mapToDouble(ChainState::stepSize).toArray();
        System.out.printf("[replica-exchange] adapted MALA steps at T = 1, 4, 16: %s; acceptance after warm-up "
                + "%s%n", java.util.Arrays.toString(h), run.diagnostics());
        assertThat(h[1]).isGreaterThan(2 * h[0]);
        assertThat(h[2]).isGreaterThan(2 * h[1]);
        assertThat(run.end().stepSize()).isEqualTo(h[0]);
        for (String t : List.of("1", "4", "16")) {
            assertThat(run.diagnostics().get("accept_rate@T=" + t)).as("acceptance at T = " + t)
                    .isCloseTo(0.574, within(0.06));
        }
    }

    /**
     * Transitions between steps act on the visible (T = 1) chains only: with inner moves that leave the chains in
     * place and no swaps, four applications of x ↦ x + 1 shift the T = 1 replicas by 4 (energies and gradients
     * re-evaluated there) and leave the T = 2 replicas where they started.
     */
    @Test
    void transitionsMoveOnlyTheVisibleChains() {
        EnergyFunction e = Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0]}", 1);
        ReplicaExchangeKernel re = (ReplicaExchangeKernel) Fixtures.kernel("{\"type\":\"replica-exchange\","
                + "\"swapEvery\":1000,\"temperatures\":[1,2],\"kernel\":{\"type\":\"gd\",\"stepSize\":1.0e-30}}");
        Target target = Target.of(e);
        INDArray x0 = new Rng(4).normal(DataType.DOUBLE, 500, 1);
        dev.ebm.api.Transition shift = (x, rng) -> x.add(1.0);
        ChainRun run = Chains.run(re, target, x0, 5, new Rng(5), List.of(shift), 1);
        List<ChainState> r = re.replicas(run.end());
        assertThat(maxAbsDiff(run.end().x(), x0.add(4.0))).isLessThan(1e-12);
        assertThat(maxAbsDiff(r.get(1).x(), x0)).isLessThan(1e-12);
        Target.Evaluation ev = target.evaluate(x0.add(4.0));
        assertThat(maxAbsDiff(run.end().energy(), ev.energy())).isLessThan(1e-9);
        assertThat(maxAbsDiff(run.end().grad(), ev.grad())).isLessThan(1e-9);
    }
}
