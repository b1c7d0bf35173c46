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
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.Kind;
import dev.ebm.samplers.Fixtures;
import dev.ebm.testkit.Stats;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the kernels promise beyond the contract: shared proposals, the exact MH ratio, boxes, clipping, warm-up. */
class KernelBehaviourTest {
    static final int CHAINS = 20_000;

    @Test
    void theRegistryKnowsEveryKernel() {
        assertThat(Fixtures.REGISTRY.types(Kind.SAMPLER)).contains("gd", "hmc", "langevin", "mala");
    }

    @Test
    void gdIsLangevinWithoutNoise() {
        EnergyFunction e = Fixtures.energy(DistributionTest.MIXTURE_2D.json(), 2);
        INDArray x0 = DistributionTest.MIXTURE_2D.sample(new Rng(3), 4000, DataType.FLOAT).muli(1.5);
        SamplerKernel gd = Fixtures.kernel("{\"type\":\"gd\",\"stepSize\":0.05,\"gradClip\":0.5,\"clamp\":[-2,2]}");
        SamplerKernel ula = Fixtures.kernel(
                "{\"type\":\"langevin\",\"stepSize\":0.05,\"noise\":0,\"gradClip\":0.5,\"clamp\":[-2,2]}");
        ChainRun a = Chains.run(gd, Target.of(e), x0, 15, new Rng(1), List.of(), 0);
        ChainRun b = Chains.run(ula, Target.of(e), x0, 15, new Rng(2), List.of(), 0);
        assertThat(values(a.end().x())).containsExactly(values(b.end().x()));
        assertThat(values(a.end().energy())).containsExactly(values(b.end().energy()));
        assertThat(values(a.end().x())).isNotEqualTo(values(x0));
    }

    /**
     * MALA's proposal is Langevin's (the same generator gives the same y), and its acceptance probability is the
     * Metropolis–Hastings ratio for exp(−E/T), T = σ²/(2h), with the clipped drift in both proposal densities,
     * recomputed here in double from E and ∇E alone.
     */
    @Test
    void malaAcceptsWithTheExactRatioOfItsClippedLangevinProposal() {
        EnergyFunction e = Fixtures.energy(DistributionTest.MIXTURE_1D.json(), 1);
        double h = 0.3;
        double sigma = 0.5;
        double clip = 1.0;
        String fields = "\"stepSize\":" + h + ",\"noise\":" + sigma + ",\"gradClip\":" + clip;
        SamplerKernel mala = Fixtures.kernel("{\"type\":\"mala\"," + fields + "}");
        SamplerKernel ula = Fixtures.kernel("{\"type\":\"langevin\"," + fields + "}");
        Target target = Target.of(e);
        INDArray x = DistributionTest.MIXTURE_1D.sample(new Rng(5), 500, DataType.DOUBLE).muli(1.3);
        ChainState s = mala.init(target, x);
        SamplerKernel.Step step = mala.step(target, s, new Rng(9));
        INDArray y = ula.step(target, ula.init(target, x), new Rng(9)).state().x();
        Target.Evaluation ex = target.evaluate(x);
        Target.Evaluation ey = target.evaluate(y);
        double t = sigma * sigma / (2 * h);
        int accepted = 0;
        for (int i = 0; i < 500; i++) {
            double xi = x.getDouble(i, 0);
            double yi = y.getDouble(i, 0);
            double gx = Math.max(-clip, Math.min(clip, ex.grad().getDouble(i, 0)));
            double gy = Math.max(-clip, Math.min(clip, ey.grad().getDouble(i, 0)));
            double logQForward = -sq(yi - (xi - h * gx)) / (2 * sigma * sigma);
            double logQBackward = -sq(xi - (yi - h * gy)) / (2 * sigma * sigma);
            double logAlpha = -(ey.energy().getDouble(i) - ex.energy().getDouble(i)) / t + logQBackward - logQForward;
            double alpha = Math.min(1, Math.exp(logAlpha));
            assertThat(step.info().acceptProb().getDouble(i)).as("acceptance probability of chain " + i)
                    .isCloseTo(alpha, within(1e-9));
            double now = step.state().x().getDouble(i, 0);
            if (step.info().accepted().getDouble(i) == 1) {
                accepted++;
                assertThat(now).isEqualTo(yi);
            } else {
                assertThat(now).isEqualTo(xi);
            }
        }
        assertThat(accepted).isBetween(50, 490);
    }

    /** Proposals outside the box are rejected, not clamped, so MALA samples the truncated target exactly. */
    @Test
    void malaRejectsProposalsOutsideItsClampBox() {
        EnergyFunction e = Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0]}", 1);
        Target target = Target.of(e);
        SamplerKernel mala = Fixtures.kernel("{\"type\":\"mala\",\"epsilon\":1.0,\"clamp\":[-1,1]}");
        SamplerKernel ula = Fixtures.kernel("{\"type\":\"langevin\",\"epsilon\":1.0}");
        // Exact draws of N(0, 1) truncated to [−1, 1] by the inverse CDF.
        NormalDistribution n01 = NormalDistribution.of(0, 1);
        double lo = n01.cumulativeProbability(-1);
        double hi = n01.cumulativeProbability(1);
        double[] u = new Rng(11).uniform(DataType.DOUBLE, CHAINS).toDoubleVector();
        double[] start = new double[CHAINS];
        for (int i = 0; i < CHAINS; i++) {
            start[i] = n01.inverseCumulativeProbability(lo + u[i] * (hi - lo));
        }
        INDArray x0 = Nd4j.createFromArray(start).reshape(CHAINS, 1);
        ChainState s = mala.init(target, x0);
        SamplerKernel.Step first = mala.step(target, s, new Rng(12));
        INDArray y = ula.step(target, ula.init(target, x0), new Rng(12)).state().x();
        int outside = 0;
        for (int i = 0; i < CHAINS; i++) {
            if (Math.abs(y.getDouble(i, 0)) > 1) {
                outside++;
                assertThat(first.info().acceptProb().getDouble(i)).isZero();
                assertThat(first.state().x().getDouble(i, 0)).isEqualTo(start[i]);
            }
        }
        assertThat(outside).isGreaterThan(CHAINS / 10);
        Rng rng = new Rng(13);
        for (int t = 0; t < 10; t++) {
            s = mala.step(target, s, rng).state();
        }
        double[] end = Stats.column(s.x(), 0);
        assertThat(java.util.Arrays.stream(end).allMatch(v -> v >= -1 && v <= 1)).as("all chains in the box").isTrue();
        Stats.Ks ks = Stats.ks(end, v -> (n01.cumulativeProbability(v) - lo) / (hi - lo));
        System.out.printf("[behaviour] mala eps=1 clamp [-1,1] on N(0,1), exact truncated start, 10 steps: %s; "
                + "%d of %d first proposals outside the box, all rejected%n", ks, outside, CHAINS);
        assertThat(ks.p()).isGreaterThan(1e-3);
    }

    /** With gradClip active almost everywhere, the proposal density must use the clipped drift to stay exact. */
    @Test
    void malaWithAClippedDriftStaysExact() {
        EnergyFunction e = Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0],\"covariance\":[[0.25]]}", 1);
        SamplerKernel mala = Fixtures.kernel("{\"type\":\"mala\",\"epsilon\":0.5,\"gradClip\":0.5}");
        Rng rng = new Rng(21);
        INDArray x0 = rng.normal(DataType.FLOAT, CHAINS, 1).muli(0.5);
        ChainRun run = Chains.run(mala, Target.of(e), x0, 10, rng, List.of(), 0);
        Stats.Ks ks = Stats.ks(Stats.column(run.end().x(), 0), NormalDistribution.of(0, 0.5)::cumulativeProbability);
        System.out.printf("[behaviour] mala eps=0.5 gradClip=0.5 on N(0, 0.5^2) (|grad| > 0.5 for |x| > 0.125), "
                + "exact start, 10 steps: %s, acceptance %.3f%n", ks, run.acceptRate());
        assertThat(ks.p()).isGreaterThan(1e-3);
    }

    /** The decoupled form samples exp(−E/T) with T = noise²/(2·stepSize) exactly: N(0, T) on E = x²/2. */
    @Test
    void malaInTheDecoupledFormSamplesItsTemperature() {
        EnergyFunction e = Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0]}", 1);
        double step = 0.5;
        double noise = 0.45;
        SamplerKernel mala = Fixtures.kernel("{\"type\":\"mala\",\"stepSize\":" + step + ",\"noise\":" + noise + "}");
        double temperature = noise * noise / (2 * step);
        Rng rng = new Rng(22);
        INDArray x0 = rng.normal(DataType.FLOAT, CHAINS, 1).muli(Math.sqrt(temperature));
        ChainRun run = Chains.run(mala, Target.of(e), x0, 10, rng, List.of(), 0);
        Stats.Ks ks = Stats.ks(Stats.column(run.end().x(), 0),
                NormalDistribution.of(0, Math.sqrt(temperature))::cumulativeProbability);
        System.out.printf("[behaviour] mala stepSize=%s noise=%s (T = %.4f) on N(0,1), exact N(0, T) start, "
                + "10 steps: %s, acceptance %.3f%n", step, noise, temperature, ks, run.acceptRate());
        assertThat(ks.p()).isGreaterThan(1e-3);
    }

    /** Warm-up adapts a poor step toward the target acceptance; the steps after it keep the distribution exact. */
    @Test
    void malaAdaptsItsStepInWarmUpOnly() {
        String json = "{\"type\":\"gaussian\",\"mean\":[1.0,-1.0],\"covariance\":[[2.0,1.2],[1.2,1.0]]}";
        EnergyFunction e = Fixtures.energy(json, 2);
        SamplerKernel mala = Fixtures.kernel("{\"type\":\"mala\",\"epsilon\":3.0,\"steps\":80,"
                + "\"adapt\":{\"warmup\":50}}");
        assertThat(mala.warmupSteps()).isEqualTo(50);
        double[][] l = DistributionTest.cholesky(DistributionTest.G_COV);
        Rng rng = new Rng(23);
        INDArray x0 = rng.normal(DataType.DOUBLE, CHAINS, 2).mmul(Nd4j.createFromArray(l).transpose())
                .addiRowVector(Nd4j.createFromArray(DistributionTest.G_MEAN)).castTo(DataType.FLOAT);
        ChainRun run = Chains.run(mala, Target.of(e), x0, rng);
        double h = run.end().stepSize();
        List<DistributionTest.Result> tests = DistributionTest.testsGaussian(l, run.end().x());
        System.out.printf("[behaviour] mala adapt {target 0.574, warmup 50} from eps=3 (h=4.5) on the anisotropic "
                + "Gaussian: h=%.4f (eps=%.4f), acceptance after warm-up %.3f; %s%n", h, Math.sqrt(2 * h),
                run.acceptRate(), tests);
        assertThat(run.acceptRate()).isCloseTo(0.574, within(0.05));
        assertThat(h).isLessThan(1.0);
        for (DistributionTest.Result r : tests) {
            assertThat(r.p()).as(r.toString()).isGreaterThan(1e-3);
        }
        // A step never changes the step size; only the driver's adapt calls do.
        ChainState s = run.end();
        assertThat(mala.step(Target.of(e), s, rng).state().stepSize()).isEqualTo(h);
    }

    @Test
    void hmcAdaptsItsStepInWarmUp() {
        EnergyFunction e = Fixtures.energy(DistributionTest.MIXTURE_2D.json(), 2);
        SamplerKernel hmc = Fixtures.kernel("{\"type\":\"hmc\",\"stepSize\":1.0,\"leapfrogSteps\":5,\"steps\":30,"
                + "\"adapt\":{\"warmup\":20}}");
        Rng rng = new Rng(24);
        ChainRun run = Chains.run(hmc, Target.of(e), DistributionTest.MIXTURE_2D.sample(rng, 4000, DataType.FLOAT),
                rng);
        System.out.printf("[behaviour] hmc adapt {target 0.65, warmup 20} from stepSize 1.0, L=5 on the 2-D "
                + "mixture: stepSize %.4f, acceptance after warm-up %.3f%n", run.end().stepSize(), run.acceptRate());
        assertThat(run.acceptRate()).isCloseTo(0.65, within(0.07));
    }

    /** A kernel that records how the driver calls it. */
    static final class Recording implements SamplerKernel {
        final List<String> calls = new ArrayList<>();

        @Override
        public ChainState init(Target target, INDArray x0) {
            calls.add("init");
            return new ChainState(x0.dup(), Nd4j.zeros(DataType.FLOAT, x0.size(0)), x0.dup(), 1.0);
        }

        @Override
        public Step step(Target target, ChainState state, Rng rng) {
            calls.add("step@" + state.stepSize());
            double rate = calls.stream().filter(c -> c.startsWith("step")).count() <= 3 ? 0.0 : 1.0;
            INDArray a = Nd4j.valueArrayOf(new long[] {state.chains()}, rate, DataType.FLOAT);
            return new Step(state, new StepInfo(a, a));
        }

        @Override
        public int steps() {
            return 5;
        }

        @Override
        public int warmupSteps() {
            return 3;
        }

        @Override
        public ChainState adapt(ChainState state, StepInfo info, int t) {
            calls.add("adapt" + t);
            return new ChainState(state.x(), state.energy(), state.grad(), state.stepSize() * 2);
        }

        @Override
        public ChainState endWarmup(ChainState state) {
            calls.add("endWarmup");
            return state;
        }
    }

    @Test
    void chainsAdaptDuringWarmUpOnlyAndReportAcceptanceAfterIt() {
        Recording k = new Recording();
        Transition identity = (x, rng) -> x.dup();
        ChainRun run = Chains.run(k, null, Nd4j.zeros(DataType.FLOAT, 4, 2), 5, new Rng(1), List.of(identity), 2);
        assertThat(k.calls).containsExactly("init", "step@1.0", "adapt0", "step@2.0", "adapt1", "init", "step@4.0",
                "adapt2", "endWarmup", "step@8.0", "init", "step@8.0");
        assertThat(run.acceptRate()).isEqualTo(1.0);
        assertThat(run.end().stepSize()).isEqualTo(8.0);
    }

    private static double[] values(INDArray a) {
        return Nd4j.toFlattened(a).castTo(DataType.DOUBLE).toDoubleVector();
    }

    private static double sq(double v) {
        return v * v;
    }
}
