package dev.ebm.samplers.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.ChainRun;
import dev.ebm.api.ChainState;
import dev.ebm.api.Chains;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.Transition;
import dev.ebm.samplers.Fixtures;
import dev.ebm.samplers.spec.LangevinSpec;
import dev.ebm.testkit.Stats;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Annealed Langevin uses, at step t of every chain run, exactly the step size and noise its schedule gives: on
 * E = ‖x‖²/2 the chains stay Gaussian with a variance that follows the recursion v' = (1 − h_t)²v + σ_t²; noise
 * annealed to 0 ends with gradient-descent steps, at the energy's minima like gd.
 */
class LangevinAnnealTest {
    static final int CHAINS = 20_000;

    /**
     * Started at N(0, I) in 2-D, after K steps x ~ N(0, v_K I) exactly, with v_0 = 1 and v_{t+1} = (1 − h_t)²v_t +
     * σ_t². The pooled sample variance of 40,000 coordinates must be within five standard errors of v_K (and KS
     * against N(0, v_K) pass), and more than five away from what the schedule's first values held constant give.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"stepSize\":0.1,\"anneal\":{\"noise\":{\"from\":1.0,\"to\":0}}",
        "\"noise\":0.3,\"anneal\":{\"step\":{\"from\":0.5,\"to\":0.01},\"schedule\":\"geometric\"}",
        "\"anneal\":{\"step\":{\"from\":0.3,\"to\":0.05},\"noise\":{\"from\":0.8,\"to\":0.05},\"schedule\":\"geometric\"}"})
    void theVarianceFollowsTheScheduleOnAGaussian(String fields) {
        int steps = 40;
        String json = "{\"type\":\"langevin\",\"steps\":" + steps + "," + fields + "}";
        LangevinSpec spec = (LangevinSpec) Fixtures.spec(json, dev.ebm.api.spec.SamplerSpec.class);
        SamplerKernel k = new LangevinKernel(spec);
        EnergyFunction e = Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0,0]}", 2);
        Rng rng = new Rng(51);
        ChainRun run = Chains.run(k, Target.of(e), rng.normal(DataType.DOUBLE, CHAINS, 2), rng);
        double v = 1;
        double constant = 1;
        for (int t = 0; t < steps; t++) {
            v = sq(1 - spec.drift(t)) * v + sq(spec.noiseStd(t));
            constant = sq(1 - spec.drift(0)) * constant + sq(spec.noiseStd(0));
        }
        double[] all = run.end().x().castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double var = Stats.variance(all);
        double se = v * Math.sqrt(2.0 / (all.length - 1));
        double sd = Math.sqrt(v);
        Stats.Ks ks = Stats.ks(all, NormalDistribution.of(0, sd)::cumulativeProbability);
        System.out.printf("[anneal] %s: variance %.5g vs recursion %.5g (se %.2g); unannealed %.5g; %s%n", fields, var,
                v, se, constant, ks);
        assertThat(var).isCloseTo(v, within(5 * se));
        assertThat(Math.abs(constant - v)).as("distance to the unannealed variance").isGreaterThan(5 * se);
        assertThat(ks.p()).isGreaterThan(1e-3);
        assertThat(run.end().stepSize()).as("the step size of the (clamped) next step").isEqualTo(spec.drift(steps));
    }

    /**
     * Noise annealed linearly from 0.5 to 0 over 200 steps of size 0.2 on a two-mode mixture: the last step draws
     * no noise and is exactly a gd step, and the chains end at the energy's minima (mean |∇E| below 0.05) as gd's
     * do, unlike Langevin with the starting noise held constant (mean |∇E| above 0.5).
     */
    @Test
    void noiseAnnealedToZeroEndsLikeGradientDescent() {
        EnergyFunction e = Fixtures.energy(DistributionTest.MIXTURE_1D.json(), 1);
        Target target = Target.of(e);
        int steps = 200;
        SamplerKernel annealed = Fixtures.kernel("{\"type\":\"langevin\",\"steps\":" + steps + ",\"stepSize\":0.2,"
                + "\"anneal\":{\"noise\":{\"from\":0.5,\"to\":0}}}");
        SamplerKernel gd = Fixtures.kernel("{\"type\":\"gd\",\"steps\":" + steps + ",\"stepSize\":0.2}");
        SamplerKernel constant = Fixtures.kernel("{\"type\":\"langevin\",\"steps\":" + steps
                + ",\"stepSize\":0.2,\"noise\":0.5}");
        INDArray x0 = new Rng(52).uniform(DataType.FLOAT, CHAINS, 1).muli(8).subi(4);

        Rng rng = new Rng(53);
        ChainState s = annealed.init(target, x0);
        for (int t = 0; t < steps - 1; t++) {
            s = annealed.step(target, s, rng).state();
        }
        ChainState last = annealed.step(target, s, new Rng(1)).state();
        ChainState lastOther = annealed.step(target, s, new Rng(2)).state();
        ChainState gdStep = gd.step(target, gd.init(target, s.x()), new Rng(3)).state();
        assertThat(values(last.x())).as("the last annealed step draws no noise").isEqualTo(values(lastOther.x()));
        assertThat(values(last.x())).as("the last annealed step is a gd step").isEqualTo(values(gdStep.x()));

        double annealedGrad = meanAbs(last.grad());
        double gdGrad = meanAbs(Chains.run(gd, target, x0, new Rng(54)).end().grad());
        double constantGrad = meanAbs(Chains.run(constant, target, x0, new Rng(55)).end().grad());
        System.out.printf("[anneal] noise 0.5 -> 0 over %d steps on the 1-D mixture: mean |grad E| at the end %.3g "
                + "(gd %.3g, constant noise 0.5: %.3g)%n", steps, annealedGrad, gdGrad, constantGrad);
        assertThat(annealedGrad).isLessThan(0.05);
        assertThat(gdGrad).isLessThan(0.05);
        assertThat(constantGrad).isGreaterThan(0.5);
    }

    /**
     * The schedule belongs to the steps of a run: the same seed gives the same chains, and a transition between
     * steps (which moves the state with moveTo) does not restart it.
     */
    @Test
    void theScheduleIsReproducibleAndSurvivesTransitions() {
        EnergyFunction e = Fixtures.energy(DistributionTest.MIXTURE_1D.json(), 1);
        SamplerKernel k = Fixtures.kernel("{\"type\":\"langevin\",\"steps\":30,\"stepSize\":0.05,"
                + "\"anneal\":{\"noise\":{\"from\":0.8,\"to\":0.01},\"schedule\":\"geometric\"}}");
        INDArray x0 = new Rng(56).normal(DataType.FLOAT, 1000, 1);
        Transition identity = (x, rng) -> x.dup();
        double[] a = values(Chains.run(k, Target.of(e), x0, 30, new Rng(57), List.of(), 0).end().x());
        double[] b = values(Chains.run(k, Target.of(e), x0, 30, new Rng(57), List.of(), 0).end().x());
        double[] c = values(Chains.run(k, Target.of(e), x0, 30, new Rng(57), List.of(identity), 1).end().x());
        double[] d = values(Chains.run(k, Target.of(e), x0, 30, new Rng(58), List.of(), 0).end().x());
        assertThat(b).isEqualTo(a);
        assertThat(c).as("with an identity transition after every step").isEqualTo(a);
        assertThat(Arrays.equals(d, a)).as("another seed").isFalse();
    }

    /**
     * Chains.run applies transitions after every N-th step but not after the last: gd with a negligible step
     * leaves the chains in place, so after 20 steps with a {@code noise} transition (std 0.3) every 5 steps the
     * chains moved by N(0, 3·0.3²) — three applications (KS passes; N(0, 4·0.3²) is rejected).
     */
    @Test
    void chainsApplyTransitionsEveryNStepsButNotAfterTheLast() {
        EnergyFunction e = Fixtures.energy("{\"type\":\"gaussian\",\"mean\":[0,0]}", 2);
        SamplerKernel still = Fixtures.kernel("{\"type\":\"gd\",\"stepSize\":1.0e-30}");
        Transition noise = Fixtures.REGISTRY.create(Fixtures.spec("{\"type\":\"noise\",\"std\":0.3}",
                dev.ebm.api.spec.TransitionSpec.class), Fixtures.context(2));
        INDArray x0 = new Rng(59).normal(DataType.DOUBLE, CHAINS, 2);
        ChainRun run = Chains.run(still, Target.of(e), x0, 20, new Rng(60), List.of(noise), 5);
        double[] start = values(x0);
        double[] end = values(run.end().x());
        double[] d = new double[start.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = end[i] - start[i];
        }
        Stats.Ks three = Stats.ks(d, NormalDistribution.of(0, 0.3 * Math.sqrt(3))::cumulativeProbability);
        Stats.Ks four = Stats.ks(d, NormalDistribution.of(0, 0.3 * 2)::cumulativeProbability);
        System.out.printf("[transitions] 20 steps, noise 0.3 every 5: displacement against 3 applications %s; "
                + "against 4 %s%n", three, four);
        assertThat(three.p()).isGreaterThan(1e-3);
        assertThat(four.p()).isLessThan(1e-3);
    }

    private static double meanAbs(INDArray a) {
        return Stats.mean(Arrays.stream(values(a)).map(Math::abs).toArray());
    }

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static double sq(double v) {
        return v * v;
    }
}
