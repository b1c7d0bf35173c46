package dev.ebm.runner.eval.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Experiment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generator view ({@code eval.generator}): the spec paths of its refusals, the noise-free twin of a Langevin
 * sampler, and its numbers on an analytic Gaussian energy (log Z = 0), where gradient descent from a Gaussian start
 * is linear and KL(q_K‖p_θ) has a closed form.
 */
class GeneratorEvaluationTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final SpecLoader LOADER = new SpecLoader(REGISTRY);

    private static final String BASE = """
            name: generator
            seed: 4
            dtype: float64
            data: {type: eight-gaussians, radius: 0.5, std: 0.6}
            energy: {type: gaussian, mean: [0.5, -0.5], covariance: [[1.0, 0.3], [0.3, 0.5]]}
            negatives: {type: noise, init: gaussian, std: 1.5}
            sampler: {type: gd, steps: 10, stepSize: 0.1}
            objective: [{type: ml}]
            optimizer: {type: adam, lr: 1.0e-3}
            eval: {generator: {chains: 800, knn: 5}}
            """;

    private static Experiment experiment(String... overrides) {
        return Experiment.build(LOADER.parse(BASE, List.of(overrides)), REGISTRY);
    }

    private static List<String> paths(String... overrides) {
        try {
            NoiseFreeSetup.resolve(experiment(overrides));
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::path).toList();
        }
        return List.of();
    }

    @Test
    void whatBreaksInjectivityIsRefusedAtItsSpecPath() {
        assertThat(paths()).isEmpty();
        assertThat(paths("sampler.gradClip=0.5")).containsExactly("sampler.gradClip");
        assertThat(paths("sampler.clamp=[-3, 3]")).containsExactly("sampler.clamp");
        assertThat(paths("sampler.transitions=[{type: noise, std: 0.01}]", "sampler.transitionEvery=2"))
                .containsExactly("sampler.transitions");
        assertThat(paths("eval.generator.noiseFree={type: gd, stepSize: 0.1, clamp: [-3, 3], gradClip: 1}"))
                .containsExactly("eval.generator.noiseFree.gradClip", "eval.generator.noiseFree.clamp");
        assertThat(paths("eval.generator.noiseFree={type: langevin, epsilon: 0.1}"))
                .containsExactly("eval.generator.noiseFree.type");
        assertThat(paths("sampler={type: mala, epsilon: 0.1}")).containsExactly("eval.generator.noiseFree");
        assertThat(paths("negatives={type: replay-buffer, capacity: 100}")).containsExactly("negatives");
        SpecException e = org.assertj.core.api.Assertions.catchThrowableOfType(SpecException.class,
                () -> NoiseFreeSetup.resolve(experiment("sampler.gradClip=0.5")));
        assertThat(e.problems().get(0).message()).contains("injective", "found 0.5");
    }

    @Test
    void aLangevinSamplersNoiseFreeTwinHasItsGradientStep() {
        NoiseFreeSetup eps = NoiseFreeSetup.resolve(experiment("sampler={type: langevin, steps: 7, epsilon: 0.2}"));
        assertThat(eps.stepSize()).isCloseTo(0.02, within(1e-15));
        assertThat(eps.kernel().steps()).isEqualTo(7);
        assertThat(eps.path()).isEqualTo("sampler");
        NoiseFreeSetup decoupled = NoiseFreeSetup.resolve(experiment(
                "sampler={type: langevin, steps: 5, stepSize: 0.05, noise: 0.01}"));
        assertThat(decoupled.stepSize()).isEqualTo(0.05);
        assertThatThrownBy(() -> NoiseFreeSetup.resolve(experiment("sampler={type: langevin, steps: 5, "
                + "anneal: {noise: {from: 0.1, to: 0.01}, step: {from: 0.1, to: 0.01}}}")))
                .isInstanceOf(SpecException.class).hasMessageContaining("sampler.anneal");
    }

    @Test
    void onAGaussianEnergyKlToTheModelIsTheClosedFormAndTheKnnEstimateTracksTheExactKlToTheData() {
        Experiment ex = experiment();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        JsonNode g = GeneratorEvaluation.evaluate(ex, 0.0, new Rng(9), new PrintStream(buf, true,
                StandardCharsets.UTF_8));
        JsonNode nf = g.get("noise_free");
        // x_K − μ = B(x₀ − μ), B = (I − hA)^K, A = Σ⁻¹; x₀ ~ N(0, s²I): q_K = N(μ − Bμ, s²BBᵀ)
        double[][] sigma = {{1.0, 0.3}, {0.3, 0.5}};
        double[][] a = inverse(sigma);
        double[][] step = {{1 - 0.1 * a[0][0], -0.1 * a[0][1]}, {-0.1 * a[1][0], 1 - 0.1 * a[1][1]}};
        double[][] b = {{1, 0}, {0, 1}};
        for (int k = 0; k < 10; k++) {
            b = times(step, b);
        }
        double[] mu = {0.5, -0.5};
        double[] m = {mu[0] - (b[0][0] * mu[0] + b[0][1] * mu[1]), mu[1] - (b[1][0] * mu[0] + b[1][1] * mu[1])};
        double[][] bbt = times(b, transpose(b));
        double[][] c = {{2.25 * bbt[0][0], 2.25 * bbt[0][1]}, {2.25 * bbt[1][0], 2.25 * bbt[1][1]}};
        double exact = klGaussians(m, c, mu, sigma);
        // a Monte Carlo mean over 800 exact log-densities: within a few standard errors (~0.03) of the closed form
        assertThat(nf.get("kl_model").asDouble()).isCloseTo(exact, within(0.1));
        // −E log q_K against the Gaussian's entropy
        double entropy = 1 + Math.log(2 * Math.PI) + 0.5 * Math.log(det(c));
        assertThat(nf.get("entropy").asDouble()).isCloseTo(entropy, within(0.1));
        assertThat(nf.get("max_h_lambda").asDouble()).isCloseTo(0.1 * maxEigen(a), within(1e-9));
        assertThat(nf.get("share_h_lambda_ge_1").asDouble()).isZero();
        // the k-NN estimate of KL(q_K‖p_data) against the exact one, on the same chains (the data overlap q_K
        // well here; far apart, the k-NN estimate saturates: docs/GENERATOR.md)
        System.out.printf("KL(q_K||p_data) exact %.4f, k-NN %.4f; KL(q_K||p_theta) %.4f, closed form %.4f%n",
                nf.get("kl_data").asDouble(), nf.get("knn_kl_data").asDouble(), nf.get("kl_model").asDouble(), exact);
        assertThat(nf.get("knn_kl_data").asDouble()).isCloseTo(nf.get("kl_data").asDouble(), within(0.25));
        // the run's own sampler is gd too: the same generator, on other draws
        assertThat(g.get("sampler").get("knn_kl_data").asDouble()).isCloseTo(nf.get("knn_kl_data").asDouble(),
                within(0.25));
        assertThat(Math.abs(g.get("data_floor").get("knn_kl_data").asDouble())).isLessThan(0.1);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("eval: generator KL(q_K||p_data)");
    }

    private static double klGaussians(double[] m1, double[][] c1, double[] m2, double[][] c2) {
        double[][] inv = inverse(c2);
        double[][] p = times(inv, c1);
        double[] d = {m2[0] - m1[0], m2[1] - m1[1]};
        double quad = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                quad += d[i] * inv[i][j] * d[j];
            }
        }
        return 0.5 * (p[0][0] + p[1][1] + quad - 2 + Math.log(det(c2) / det(c1)));
    }

    private static double maxEigen(double[][] s) {
        double mid = 0.5 * (s[0][0] + s[1][1]);
        return mid + Math.hypot(0.5 * (s[0][0] - s[1][1]), s[0][1]);
    }

    private static double det(double[][] s) {
        return s[0][0] * s[1][1] - s[0][1] * s[1][0];
    }

    private static double[][] inverse(double[][] s) {
        double d = det(s);
        return new double[][] {{s[1][1] / d, -s[0][1] / d}, {-s[1][0] / d, s[0][0] / d}};
    }

    private static double[][] transpose(double[][] s) {
        return new double[][] {{s[0][0], s[1][0]}, {s[0][1], s[1][1]}};
    }

    private static double[][] times(double[][] x, double[][] y) {
        double[][] r = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                r[i][j] = x[i][0] * y[0][j] + x[i][1] * y[1][j];
            }
        }
        return r;
    }
}
