package dev.ebm.runner.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.explain.Explainer;
import dev.ebm.runner.explain.Explainer.Explanation;
import dev.ebm.runner.explain.Explainer.Warning;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins the runner has never seen are explained, accepted and refused by what they declare, never by their ids. */
class ThirdPartyPluginsTest {
    private static final PluginRegistry REGISTRY = ThirdPartyPlugins.registry();
    private static final SpecLoader LOADER = new SpecLoader(REGISTRY);
    private static final Explainer EXPLAINER = new Explainer(REGISTRY);

    private static final String BASE = """
            name: third-party
            seed: 3
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [8]}
            negatives: {type: nearby-data}
            sampler: {type: langevin, steps: 3, epsilon: 0.1}
            objective: [{type: cd-star}]
            optimizer: {type: adam, lr: 1.0e-3}
            train: {steps: 3, batch: 16, logEvery: 1, checkpointEvery: 1000, sampleEvery: 1000}
            """;

    private static ExperimentSpec spec(String... sets) {
        return LOADER.parse(BASE, List.of(sets));
    }

    private static List<String> codes(Explanation e) {
        return e.warnings().stream().map(Warning::code).toList();
    }

    @Test
    void aThirdPartySourceThatStartsChainsAtTheDataIsCdAndItsCdRunsTrain(@TempDir Path dir) {
        Explanation e = EXPLAINER.explain(spec());
        assertThat(e.chains()).isEqualTo(Explainer.Chains.CD_K);
        assertThat(e.code()).isEqualTo("cd-k-star");
        assertThat(e.objective()).startsWith("CD*: CD-3 without its KL term");
        assertThat(e.refusals()).isEmpty();
        assertThat(String.join(" ", e.reasons())).contains("The negative source 'nearby-data' starts the chains at "
                + "the data batch");
        assertThat(EXPLAINER.explain(spec("objective=[{type: cd}]")).code()).isEqualTo("cd-k");

        Experiment ex = Experiment.build(spec(), REGISTRY);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new Trainer(ex, dir, quiet, false).run(false, step -> {});
        assertThat(dir.resolve("metrics.jsonl")).isNotEmptyFile();
    }

    @Test
    void thirdPartyContrastiveTermsAreRecognisedByTheirDeclaredRole() {
        Explanation ml = EXPLAINER.explain(spec("negatives={type: replay-buffer}", "objective=[{type: my-ml}]"));
        assertThat(ml.code()).isEqualTo("ml-persistent");
        assertThat(ml.refusals()).isEmpty();
        Explanation mlOnData = EXPLAINER.explain(spec("objective=[{type: my-ml}]"));
        assertThat(mlOnData.code()).isEqualTo("cd-k-star");
        assertThat(codes(mlOnData)).contains("ml-with-data-chains");
        assertThat(mlOnData.warnings().get(0).message()).contains("'my-ml' (maximum likelihood)")
                .contains("name it one of 'cd-star', 'my-cd-star'");

        assertThat(EXPLAINER.explain(spec("objective=[{type: my-cd-star}]")).code()).isEqualTo("cd-k-star");
        Explanation refused = EXPLAINER.explain(spec("negatives={type: noise}", "objective=[{type: my-cd-star}]"));
        assertThat(refused.code()).isEqualTo("short-run");
        assertThat(refused.refusals()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("objective[0].type");
            assertThat(p.message()).contains("'my-cd-star' needs chains started at the data")
                    .contains("e.g. negatives: one of 'broken-source', 'data', 'nearby-data'")
                    .contains("use one of 'ml', 'my-ml'");
        });
        assertThatThrownBy(() -> Experiment.build(spec("negatives={type: noise}", "objective=[{type: my-cd-star}]"),
                REGISTRY)).isInstanceOf(SpecException.class)
                .hasMessageContaining("objective[0].type: 'my-cd-star' needs chains started at the data");
    }

    @Test
    void aThirdPartyMetropolisKernelIsRefusedByTheKlTermsNamingItsDeclaredTrait() {
        Explanation e = EXPLAINER.explain(spec("sampler={type: rwm, scale: 0.3}"));
        assertThat(e.temperature()).isEqualTo(1.0);
        assertThat(String.join(" ", e.reasons())).contains("The sampler 'rwm' (random-walk Metropolis with scale 0.3) "
                + "has a Metropolis–Hastings test");
        for (String term : new String[] {"cd", "kl-aux"}) {
            String objective = term.equals("cd") ? "[{type: cd}]" : "[{type: cd-star}, {type: kl-aux, sign: cd}]";
            assertThatThrownBy(() -> Experiment.build(spec("sampler={type: rwm}", "objective=" + objective),
                    REGISTRY)).isInstanceOf(SpecException.class)
                    .hasMessageContaining("'" + term + "' differentiates through the sampler's steps, but the sampler "
                            + "declares itself Metropolis-adjusted: its accept/reject step is not differentiable")
                    .hasMessageContaining("(found sampler.type: rwm)");
        }
        // without a term that replays, the Metropolis kernel trains
        assertThat(Experiment.build(spec("sampler={type: rwm}"), REGISTRY).kernel).isNotNull();
    }

    @Test
    void errorsInsideAPluginReachTheUserWithItsIdAndMessage() {
        assertThatThrownBy(() -> Experiment.build(spec("negatives={type: broken-source}"), REGISTRY))
                .isInstanceOf(SpecException.class)
                .hasMessage("1 problem in the spec:" + System.lineSeparator() + "  1) negatives: the negatives "
                        + "plugin 'broken-source' failed: the calibration table /opt/broken/table.csv is missing");
        assertThatThrownBy(() -> EXPLAINER.explain(spec("negatives={type: confused-source}")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("negatives: the negatives plugin 'confused-source' failed: reinit and "
                        + "resetToData must be probabilities summing to <= 1, found 0.7 and 0.6");
    }
}
