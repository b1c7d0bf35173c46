package dev.ebm.runner.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.runner.cli.ExplainCommand;
import dev.ebm.runner.explain.Explainer.Explanation;
import dev.ebm.runner.explain.Explainer.Warning;
import dev.ebm.runner.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExplainerTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final SpecLoader LOADER = new SpecLoader(REGISTRY);
    private static final Explainer EXPLAINER = new Explainer(REGISTRY);

    private static final String BASE = """
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [16]}
            negatives: {type: replay-buffer}
            sampler: {type: langevin, steps: 20, epsilon: 0.1}
            objective: [{type: ml}]
            optimizer: {type: adam}
            """;

    private static Explanation explain(String... sets) {
        return EXPLAINER.explain(LOADER.parse(BASE, List.of(sets)));
    }

    private static List<String> codes(Explanation e) {
        return e.warnings().stream().map(Warning::code).toList();
    }

    @Test
    void aNoiseInitialisedReplayBufferIsMaximumLikelihoodWithPersistentChains() {
        Explanation e = explain();
        assertThat(e.code()).isEqualTo("ml-persistent");
        assertThat(e.objective()).isEqualTo("maximum likelihood with persistent chains");
        assertThat(e.chains()).isEqualTo(Explainer.Chains.PERSISTENT);
        assertThat(e.temperature()).isEqualTo(1.0);
        assertThat(e.refusals()).isEmpty();
        assertThat(String.join(" ", e.reasons())).contains("persistent chains").contains("never at the data");
    }

    @Test
    void freshChainsFromNoiseAreShortRun() {
        Explanation e = explain("negatives={type: noise}");
        assertThat(e.code()).isEqualTo("short-run");
        assertThat(codes(e)).contains("short-run");
        assertThat(e.warnings().get(0).message()).contains("20 steps");
    }

    @Test
    void chainsFromTheDataBatchAreCdkAndAnMlTermIsCalledOut() {
        Explanation e = explain("negatives={type: data}", "sampler.steps=5");
        assertThat(e.code()).isEqualTo("cd-k-star");
        assertThat(e.objective()).startsWith("CD*: CD-5 without its KL term");
        assertThat(codes(e)).contains("ml-with-data-chains");
    }

    @Test
    void aBufferThatRestartsAtTheDataIsPersistentCdAndOneThatNeverDoesIsMl() {
        Explanation cd = explain("negatives={type: replay-buffer, init: data, resetToData: 0.1}");
        assertThat(cd.code()).isEqualTo("persistent-cd-star");
        assertThat(cd.chains()).isEqualTo(Explainer.Chains.PERSISTENT_CD);
        Explanation ml = explain("negatives={type: replay-buffer, init: data}");
        assertThat(ml.code()).isEqualTo("ml-persistent");
        assertThat(String.join(" ", ml.reasons())).contains("never reset");
    }

    @Test
    void cdTermsWithChainsThatDoNotStartAtTheDataAreRefusedAndSaySo() {
        Explanation e = explain("objective=[{type: cd-star}]");
        assertThat(e.code()).isEqualTo("ml-persistent");
        assertThat(codes(e)).contains("cd-without-data-chains");
        assertThat(e.refusals()).hasSize(1);
        assertThat(e.refusals().get(0).path()).isEqualTo("objective[0].type");
        assertThat(e.refusals().get(0).message()).contains("needs chains started at the data")
                .contains("maximum likelihood with persistent chains").contains("use 'ml'");
        assertThat(explain("objective=[{type: cd-star}]", "negatives={type: data}").refusals()).isEmpty();
        assertThat(explain("objective=[{type: cd}]", "negatives={type: replay-buffer, init: data, resetToData: 0.1}")
                .code()).isEqualTo("persistent-cd");
    }

    @Test
    void klAuxWithTheDu2020SignOnDataChainsIsFlagged() {
        Explanation e = explain("objective=[{type: cd-star}, {type: kl-aux, sign: du2020}]", "negatives={type: data}");
        assertThat(codes(e)).contains("kl-aux-sign");
        assertThat(e.objective()).endsWith("plus the KL auxiliary loss of Du et al. 2020 (sign du2020)");
        assertThat(codes(explain("objective=[{type: cd-star}, {type: kl-aux, sign: cd}]", "negatives={type: data}")))
                .doesNotContain("kl-aux-sign");
    }

    @Test
    void decoupledLangevinStatesItsTemperature() {
        // IGEBM: stepSize 10, noise 0.005 → T = 0.005² / 20 = 1.25e-6
        Explanation e = explain("sampler={type: langevin, steps: 60, stepSize: 10, noise: 0.005, gradClip: 0.01}");
        assertThat(e.temperature()).isCloseTo(1.25e-6, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(codes(e)).contains("tempered", "grad-clip");
        assertThat(e.warnings().stream().filter(w -> w.code().equals("tempered")).findFirst().orElseThrow()
                .message()).contains("decoupled Langevin dynamics with stepSize 10 and noise 0.005")
                .contains("T = noise²/(2·stepSize) = 1.25e-06");
    }

    @Test
    void noiseFreeDynamicsAreGradientDescent() {
        assertThat(explain("sampler={type: langevin, stepSize: 0.1, noise: 0}").temperature()).isEqualTo(0.0);
        assertThat(codes(explain("sampler={type: langevin, stepSize: 0.1, noise: 0}"))).contains("noise-free");
        assertThat(codes(explain("sampler={type: gd, stepSize: 0.1}"))).contains("noise-free");
    }

    @Test
    void metropolisAdjustedSamplersTargetTheTemperatureTheyDeclareExactly() {
        Explanation e = explain("sampler={type: mala, epsilon: 0.3}");
        assertThat(e.temperature()).isEqualTo(1.0);
        assertThat(codes(e)).doesNotContain("tempered");
        assertThat(String.join(" ", e.reasons())).contains("Metropolis–Hastings test")
                .contains("exp(−E) at temperature 1 exactly");
        // decoupled MALA corrects towards exp(−E/T), T = noise²/(2·stepSize) = 0.04/0.2
        Explanation d = explain("sampler={type: mala, stepSize: 0.1, noise: 0.2}");
        assertThat(d.temperature()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(codes(d)).contains("tempered");
        assertThat(codes(explain("sampler={type: hmc, stepSize: 0.1}"))).doesNotContain("tempered");
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        String json = ExplainCommand.toJson(explain("negatives={type: noise}"));
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(node.get("objective").asText()).startsWith("short-run MCMC from noise");
        assertThat(node.get("reasons").isArray()).isTrue();
        assertThat(node.get("warnings").get(0).get("code").asText()).isEqualTo("short-run");
        assertThat(node.get("warnings").get(0).get("message").asText()).isNotBlank();
        assertThat(node.get("temperature").asDouble()).isEqualTo(1.0);
    }

    /** Every example spec states the class explain must give it in a {@code # explain: CODE} line. */
    static Stream<Path> examples() {
        return dev.ebm.runner.ExampleFiles.specs().stream();
    }

    private static final Pattern EXPECT = Pattern.compile("(?m)^# explain: (\\S+)\\s*$");

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleSpecIsClassifiedAsItsHeaderSays(Path file) throws IOException {
        String text = Files.readString(file);
        Matcher m = EXPECT.matcher(text);
        assertThat(m.find()).as("%s has a '# explain: CODE' line", file).isTrue();
        Explanation e = EXPLAINER.explain(LOADER.load(file, List.of()));
        assertThat(e.code()).as("explain's class of %s", file).isEqualTo(m.group(1));
        assertThat(e.refusals()).as("train refusals of %s", file).isEmpty();
    }
}
