package dev.ebm.runner.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.ChainRun;
import dev.ebm.api.Chains;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.Cli;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Experiment;
import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code bin/ebm sample} applies the sampler spec's {@code transitions} every {@code transitionEvery} steps. */
class SampleTransitionsTest {

    /** gd with a negligible step leaves the chains exactly where they start (Gaussian noise, std 1). */
    private static final String SPEC = """
            seed: 4
            energy: {type: gaussian, mean: [0, 0]}
            sampler: {type: gd, steps: 4, stepSize: 1.0e-30}
            """;

    private static double[] samples(Path dir) throws IOException {
        INDArray x = Nd4j.createFromNpyFile(dir.resolve("samples.npy").toFile());
        return x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /**
     * With {@code transitions: [{type: noise, std: 10}]} and {@code transitionEvery: 1}, the 4-step chains are
     * moved after steps 1, 2 and 3 (never after the last), so each coordinate's difference from the same chains
     * run without transitions (same seed, same starts) is 10·(ξ₁ + ξ₂ + ξ₃) ~ N(0, 300): the sum of squares over
     * all coordinates passes the χ² test of variance 300 and fails that of 200 (two moves).
     */
    /** Two-sided p-value of a sum of squares of n draws of N(0, variance) by χ²(n). */
    private static double varianceP(double ss, int n, double variance) {
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(n);
        return 2 * Math.min(chi.cumulativeProbability(ss / variance), chi.survivalProbability(ss / variance));
    }

    @Test
    void theSamplersTransitionsMoveTheChains(@TempDir Path tmp) throws IOException {
        Path spec = SampleCommandTest.write(tmp, "s.yaml", SPEC);
        int chains = 2000;
        Cli.Result plain = Cli.run("sample", spec.toString(), "--chains", "" + chains,
                "--out", tmp.resolve("plain").toString());
        Cli.Result moved = Cli.run("sample", spec.toString(), "--chains", "" + chains,
                "--set", "sampler.transitions=[{type: noise, std: 10}]", "--set", "sampler.transitionEvery=1",
                "--out", tmp.resolve("moved").toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(moved.code()).as(moved.err()).isZero();
        double[] a = samples(tmp.resolve("plain"));
        double[] b = samples(tmp.resolve("moved"));
        assertThat(a).hasSize(2 * chains);
        double ss = 0;
        double start = 0;
        for (int i = 0; i < a.length; i++) {
            ss += (b[i] - a[i]) * (b[i] - a[i]);
            start += a[i] * a[i];
        }
        double p = varianceP(ss, a.length, 300);
        double two = varianceP(ss, a.length, 200);
        System.out.printf("[sample] moved - plain chains: std %.3f (sqrt 300 = %.3f), chi-square p %.3g; against "
                + "two moves: p %.3g%n", Math.sqrt(ss / a.length), Math.sqrt(300), p, two);
        assertThat(Math.sqrt(start / a.length)).isBetween(0.9, 1.1);
        assertThat(p).isGreaterThan(1e-3);
        assertThat(two).isLessThan(1e-3);
        assertThat(tmp.resolve("moved").resolve("spec.resolved.yaml")).content().contains("type: noise")
                .contains("transitionEvery: 1");
    }

    @Test
    void transitionProblemsAreReportedAtTheirPlaceInTheSpec(@TempDir Path tmp) throws IOException {
        Path spec = SampleCommandTest.write(tmp, "s.yaml", SPEC);
        Cli.Result r = Cli.run("sample", spec.toString(), "--set",
                "sampler.transitions=[{type: blur, sigma: [2, 1]}, {type: noise, std: 1, p: 1.5}]", "--set",
                "sampler.transitionEvery=2", "--set", "negatives={type: replay-buffer, transitions: [{type: "
                        + "crop-resize, scale: [0, 1]}]}", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("3 problems in the spec:")
                .contains("negatives.transitions[0].scale: must be [low, high] with 0 < low <= high <= 1, found "
                        + "[0.0, 1.0]")
                .contains("sampler.transitions[0].sigma: must be [low, high] with 0 <= low <= high, found [2.0, 1.0]")
                .contains("sampler.transitions[1].p: must be in [0, 1], found 1.5");
    }

    /**
     * Image transitions inside the sample driver's per-step workspaces: a small CNN energy on 1 × 12 × 10 images,
     * Langevin with elastic, blur and crop-resize every 2 steps, run step by step by {@link ChainDriver} gives
     * exactly the chains of {@link Chains#run}, and differs from the same run without transitions.
     */
    @Test
    void imageTransitionsRunInTheStepWorkspacesLikeInChainsRun() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        PluginRegistry registry = PluginRegistry.load();
        ExperimentSpec spec = new SpecLoader(registry).parse("""
                energy: {type: cnn, channels: [4, 4], strides: [1, 2]}
                sampler: {type: langevin, steps: 7, stepSize: 0.01, noise: 0.005, transitionEvery: 2, transitions: [
                    {type: elastic, mode: grid, std: 1}, {type: blur, sigma: [0.3, 1], p: 0.5},
                    {type: crop-resize, scale: [0.5, 1]}]}
                """, List.of());
        PluginContext ctx = new PluginContext(DataType.FLOAT, new long[] {1, 12, 10}, null, registry, new Rng(1));
        EnergyFunction energy = registry.create(spec.energy(), ctx);
        SamplerKernel kernel = registry.create(spec.sampler(), ctx);
        List<Transition> transitions = Experiment.samplerTransitions(spec.sampler(), registry, ctx);
        INDArray x0 = new Rng(2).uniform(DataType.FLOAT, 16, 1, 12, 10);
        ChainRun reference = Chains.run(kernel, Target.of(energy), x0, 7, new Rng(3), transitions, 2);
        ChainRun plain = Chains.run(kernel, Target.of(energy), x0, 7, new Rng(3), List.of(), 0);
        ChainDriver driver = new ChainDriver(kernel, Target.of(energy), x0, 7, transitions, 2);
        Rng rng = new Rng(3);
        for (int t = 0; t < 7; t++) {
            driver.step(rng, (step, warm, state, info) -> { });
        }
        float[] got = driver.state().x().dup('c').data().asFloat();
        assertThat(got).containsExactly(reference.end().x().dup('c').data().asFloat());
        assertThat(got).isNotEqualTo(plain.end().x().dup('c').data().asFloat());

        // the same chains with an observer before the transitions: it sees the unmoved state after steps 2, 4, 6
        ChainDriver watched = new ChainDriver(kernel, Target.of(energy), x0, 7, transitions, 2);
        Rng rng2 = new Rng(3);
        java.util.Map<Integer, float[]> before = new java.util.HashMap<>();
        java.util.Map<Integer, float[]> after = new java.util.HashMap<>();
        for (int t = 0; t < 7; t++) {
            watched.step(rng2, (step, warm, state, info) -> before.put(step, state.x().dup('c').data().asFloat()),
                    (step, warm, state, info) -> after.put(step, state.x().dup('c').data().asFloat()));
        }
        assertThat(watched.state().x().dup('c').data().asFloat()).containsExactly(got);
        for (int step = 1; step <= 7; step++) {
            if (step % 2 == 0 && step < 7) {
                assertThat(before.get(step)).as("step %d", step).isNotEqualTo(after.get(step));
            } else {
                assertThat(before.get(step)).as("step %d", step).containsExactly(after.get(step));
            }
        }
    }

    @Test
    void anImageTransitionOnSamplesThatAreNotImagesIsRefused(@TempDir Path tmp) throws IOException {
        Path spec = SampleCommandTest.write(tmp, "s.yaml", SPEC);
        Cli.Result r = Cli.run("sample", spec.toString(), "--set",
                "sampler.transitions=[{type: elastic, mode: grid, std: 1}]", "--set", "sampler.transitionEvery=2",
                "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("elastic acts on images [C, H, W], but the samples have shape [2]");
    }
}
