package dev.ebm.samplers.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.ChainRun;
import dev.ebm.api.Chains;
import dev.ebm.api.DifferentiableKernel;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import dev.ebm.samplers.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Chain traces and replay on the tape: the recorded steps, replayed from the recorded start with the recorded noise,
 * give the chain's end point, and the replayed end point's derivative in the energy's parameters is the derivative
 * of the sampler's own output (central finite differences that re-run the chain with the same noise).
 */
class ReplayTest {
    private static DataType savedDefault;

    @BeforeAll
    static void doubles() {
        savedDefault = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restore() {
        Nd4j.setDefaultDataTypes(savedDefault, savedDefault);
    }

    static EnergyFunction mlp(DataType dtype, long seed) {
        PluginContext ctx = new PluginContext(dtype, new long[] {2}, null, Fixtures.REGISTRY, new Rng(seed));
        return Fixtures.REGISTRY.create(Fixtures.spec("{\"type\":\"mlp\",\"hidden\":[16,16]}", EnergySpec.class), ctx);
    }

    static INDArray start(DataType dtype, int n, long seed) {
        return new Rng(seed).uniform(dtype, n, 2).muli(2.4).subi(1.2);
    }

    @Test
    void aRunKeepsTheInputsAndNoiseOfItsLastStepsOnlyWhenAsked() {
        EnergyFunction e = mlp(DataType.DOUBLE, 1);
        SamplerKernel k = Fixtures.kernel("{\"type\":\"langevin\",\"stepSize\":0.05,\"noise\":0.1}");
        INDArray x0 = start(DataType.DOUBLE, 8, 2);
        ChainRun plain = Chains.run(k, Target.of(e), x0, 6, new Rng(3), List.of(), 0);
        ChainRun traced = Chains.run(k, Target.of(e), x0, 6, new Rng(3), List.of(), 0, 4);
        ChainRun all = Chains.run(k, Target.of(e), x0, 6, new Rng(3), List.of(), 0, Integer.MAX_VALUE);
        assertThat(plain.trace()).isNull();
        assertThat(traced.trace().steps()).isEqualTo(4);
        assertThat(all.trace().steps()).isEqualTo(6);
        assertThat(values(all.trace().positions().get(0))).containsExactly(values(x0));
        // the window of the last 4 steps starts where the full trace's step 2 started
        assertThat(values(traced.trace().positions().get(0))).containsExactly(values(all.trace().positions().get(2)));
        // recording changes nothing in the run, and the noise is σ·ξ with σ = 0.1
        assertThat(values(traced.end().x())).containsExactly(values(plain.end().x()));
        double[] noise = values(all.trace().noise().get(5));
        double sq = 0;
        for (double v : noise) {
            sq += v * v;
        }
        assertThat(Math.sqrt(sq / noise.length)).isBetween(0.06, 0.14);
        SamplerKernel gd = Fixtures.kernel("{\"type\":\"gd\",\"stepSize\":0.05}");
        assertThat(Chains.run(gd, Target.of(e), x0, 3, new Rng(3), List.of(), 0, 3).trace().noise())
                .containsOnlyNulls().hasSize(3);
    }

    @Test
    void aTransitionInsideTheWindowRestartsTheTraceAtTheMovedPositions() {
        EnergyFunction e = mlp(DataType.DOUBLE, 1);
        DifferentiableKernel k = (DifferentiableKernel) Fixtures.kernel(
                "{\"type\":\"langevin\",\"stepSize\":0.05,\"noise\":0.1}");
        Transition shift = (x, rng) -> x.add(0.25);
        ChainRun run = Chains.run(k, Target.of(e), start(DataType.DOUBLE, 8, 2), 5, new Rng(3), List.of(shift), 2, 4);
        // transitions after steps 2 and 4: the trace keeps only the last step, which starts at moved positions
        assertThat(run.trace().steps()).isEqualTo(1);
        Tensor replayed = k.replay(new Target(e, e.parameters(), 1.0), run.trace(), 4);
        assertThat(maxAbsDiff(replayed.value(), run.end().x())).isLessThan(1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"langevin\",\"stepSize\":0.05,\"noise\":0.1,\"gradClip\":0.3,\"clamp\":[-1,1]}",
        "{\"type\":\"langevin\",\"epsilon\":0.3}",
        "{\"type\":\"gd\",\"stepSize\":0.1,\"gradClip\":0.3,\"clamp\":[-1,1]}"})
    void replayingTheRecordedStepsReproducesTheEndPoint(String kernelSpec) {
        for (DataType dtype : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            EnergyFunction e = mlp(dtype, 5);
            DifferentiableKernel k = (DifferentiableKernel) Fixtures.kernel(kernelSpec);
            ChainRun run = Chains.run(k, Target.of(e), start(dtype, 64, 6), 10, new Rng(7), List.of(), 0, 10);
            for (int b : new int[] {1, 4, 10}) {
                Tensor x = k.replay(new Target(e, e.parameters(), 1.0), run.trace(), b);
                assertThat(x.requiresGrad()).isTrue();
                double tol = dtype == DataType.DOUBLE ? 1e-12 : 1e-5;
                assertThat(maxAbsDiff(x.value(), run.end().x())).as("%s, %s, last %d steps", kernelSpec, dtype, b)
                        .isLessThan(tol);
            }
        }
    }

    @Test
    void theTemperatureOfTheTargetScalesTheReplayedGradientAsItScalesTheSampler() {
        EnergyFunction e = mlp(DataType.DOUBLE, 5);
        DifferentiableKernel k = (DifferentiableKernel) Fixtures.kernel(
                "{\"type\":\"langevin\",\"stepSize\":0.05,\"noise\":0.1}");
        Target hot = Target.of(e).atTemperature(0.25);
        ChainRun run = Chains.run(k, hot, start(DataType.DOUBLE, 16, 6), 5, new Rng(7), List.of(), 0, 5);
        Tensor x = k.replay(new Target(e, e.parameters(), 0.25), run.trace(), 5);
        assertThat(maxAbsDiff(x.value(), run.end().x())).isLessThan(1e-12);
        Tensor wrong = k.replay(new Target(e, e.parameters(), 1.0), run.trace(), 5);
        assertThat(maxAbsDiff(wrong.value(), run.end().x())).isGreaterThan(1e-4);
    }

    /**
     * With clipping and a box in force (a share of the gradient elements clipped and of the coordinates clamped
     * at every step), d(Σ v·x_K)/dθ from the replay equals central finite differences of the sampler's own output,
     * re-run at θ ± h from the same start with the same generator (hence the same noise).
     */
    @Test
    void replayGradientMatchesFiniteDifferencesThroughClippingAndClamping() {
        EnergyFunction e = mlp(DataType.DOUBLE, 11);
        int steps = 6;
        INDArray x0 = start(DataType.DOUBLE, 32, 12);
        // clip between the two middle gradient elements at the start (not on one: that would sit on the kink),
        // so that about half of the elements are clipped
        double[] g0 = values(Target.of(e).evaluate(x0).grad());
        double[] sorted = java.util.Arrays.stream(g0).map(Math::abs).sorted().toArray();
        double clip = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        String spec = "{\"type\":\"langevin\",\"stepSize\":" + (0.2 / clip) + ",\"noise\":0.1,\"gradClip\":"
                + clip + ",\"clamp\":[-1,1]}";
        DifferentiableKernel k = (DifferentiableKernel) Fixtures.kernel(spec);
        INDArray v = new Rng(13).normal(DataType.DOUBLE, 32, 2);
        ChainRun run = Chains.run(k, Target.of(e), x0, steps, new Rng(14), List.of(), 0, steps);

        // the kinks are in use: some gradient elements are clipped, some coordinates clamped, others neither
        int clipped = 0;
        int clamped = 0;
        int total = 0;
        for (int j = 0; j < steps; j++) {
            double[] g = values(Target.of(e).evaluate(run.trace().positions().get(j)).grad());
            INDArray out = j + 1 < steps ? run.trace().positions().get(j + 1) : run.end().x();
            double[] x = values(out);
            for (int i = 0; i < g.length; i++) {
                clipped += Math.abs(g[i]) > clip ? 1 : 0;
                clamped += Math.abs(x[i]) == 1.0 ? 1 : 0;
                total++;
            }
        }
        System.out.printf("[replay] gradClip %.3g: clipped %d, clamped %d of %d elements%n", clip, clipped, clamped,
                total);
        assertThat(clipped).isBetween(total / 10, total * 9 / 10);
        assertThat(clamped).isBetween(total / 20, total / 2);

        Tensor xK = k.replay(new Target(e, e.parameters(), 1.0), run.trace(), steps);
        List<Tensor> grads = Autodiff.grad(xK.mul(Tensor.constant(v)).sum(), e.parameters().tensors(), false);
        double h = 1e-6;
        int checked = 0;
        int nonZero = 0;
        int p = 0;
        for (Map.Entry<String, INDArray> entry : e.parameters().arrays().entrySet()) {
            INDArray w = entry.getValue();
            double[] analytic = values(grads.get(p++).value());
            for (int i = 0; i < w.length(); i++) {
                double w0 = w.getDouble(i);
                w.putScalar(i, w0 + h);
                double plus = dot(v, Chains.run(k, Target.of(e), x0, steps, new Rng(14), List.of(), 0).end().x());
                w.putScalar(i, w0 - h);
                double minus = dot(v, Chains.run(k, Target.of(e), x0, steps, new Rng(14), List.of(), 0).end().x());
                w.putScalar(i, w0);
                double fd = (plus - minus) / (2 * h);
                assertThat(analytic[i]).as("d/d%s[%d]", entry.getKey(), i)
                        .isCloseTo(fd, org.assertj.core.api.Assertions.within(1e-6 + 1e-5 * Math.abs(fd)));
                checked++;
                nonZero += Math.abs(fd) > 1e-4 ? 1 : 0;
            }
        }
        assertThat(nonZero).isGreaterThan(checked / 2);
    }

    @Test
    void metropolisKernelsDoNotReplay() {
        assertThat(Fixtures.kernel("{\"type\":\"mala\",\"epsilon\":0.1}")).isNotInstanceOf(DifferentiableKernel.class);
        assertThat(Fixtures.kernel("{\"type\":\"hmc\",\"stepSize\":0.1}")).isNotInstanceOf(DifferentiableKernel.class);
    }

    static double dot(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).mul(b.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    static double[] values(INDArray a) {
        return Nd4j.toFlattened(a).castTo(DataType.DOUBLE).toDoubleVector();
    }
}
