package dev.ebm.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecLoadingTest {
    private final SpecLoader loader = new SpecLoader(PluginRegistry.load());

    private static final String GOOD = """
            name: t
            seed: 3
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [32, 32]}
            negatives: {type: replay-buffer, capacity: 500}
            sampler: {type: langevin, steps: 5, stepSize: 0.01, noise: 0.1}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 0.1}
            optimizer: {type: adam, lr: 1.0e-3}
            train: {steps: 10, batch: 16}
            """;

    @Test
    void threeMistakesAreReportedTogetherWithPathsValuesAndChoices() throws IOException {
        String bad = """
                data: {type: eight-gaussians}
                energy: {type: mlp, activation: swsh}
                sampler: {type: langevin, stepSize: -0.01, noise: 0.1}
                objective: [{type: ml}]
                optimizer: {type: adma}
                train: {stepz: 10}
                """;
        assertThatThrownBy(() -> loader.parse(bad, List.of()))
                .isInstanceOf(SpecException.class)
                .hasMessage(golden("four-mistakes.txt"));
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        assertThatThrownBy(() -> loader.parse(GOOD, List.of("sampler.type=langvin")))
                .hasMessageContaining("sampler.type: unknown 'langvin'; known: [")
                .hasMessageContaining("langevin");
    }

    @Test
    void wrongValueTypesNameThePathAndTheValue() {
        assertThatThrownBy(() -> loader.parse(GOOD, List.of("train.steps=many", "sampler.steps=2.5")))
                .hasMessageContaining("train.steps: must be a number, found 'many'")
                .hasMessageContaining("sampler.steps: must be an integer, found 2.5");
    }

    @Test
    void overridesReachNestedFieldsAndListEntries() {
        ExperimentSpec s = loader.parse(GOOD, List.of("sampler.steps=7", "objective[1].weight=0.5", "seed=11"));
        assertThat(s.seed()).isEqualTo(11L);
        assertThat(s.objective().get(1).weight()).isEqualTo(0.5);
        assertThat(loader.toYaml(s)).contains("steps: 7");
    }

    @Test
    void overrideOfAMissingListEntryIsAnError() {
        assertThatThrownBy(() -> loader.parse(GOOD, List.of("objective[5].weight=1")))
                .hasMessageContaining("objective[5].weight: index 5 is out of range: 'objective' has 2 entries");
    }

    @Test
    void resolvedSpecRoundTripsThroughYaml() {
        ExperimentSpec s = loader.parse(GOOD, List.of());
        String yaml = loader.toYaml(s);
        ExperimentSpec back = loader.parse(yaml, List.of());
        assertThat(back).isEqualTo(s);
        assertThat(loader.toYaml(back)).isEqualTo(yaml);
        assertThat(yaml).contains("type: replay-buffer").contains("reinit: 0.05").contains("capacity: 500");
    }

    @Test
    void epsilonWithStepSizeIsRefused() {
        assertThatThrownBy(() -> loader.parse(GOOD, List.of("sampler.epsilon=0.1")))
                .hasMessageContaining("sampler.stepSize: cannot be given with epsilon");
    }

    @Test
    void everyExampleSpecLoadsAndBuildsForTraining() throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("..", "examples", "toy");
        List<java.nio.file.Path> files;
        try (var s = java.nio.file.Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files.stream().map(p -> p.getFileName().toString())).contains("eight-gaussians-ml.yaml",
                "eight-gaussians-cd-star.yaml", "eight-gaussians-softplus.yaml", "eight-gaussians-logsumexp.yaml",
                "eight-gaussians-nce.yaml", "eight-gaussians-dsm.yaml");
        for (java.nio.file.Path f : files) {
            ExperimentSpec s = loader.load(f, List.of());
            assertThat(s.trainingProblems()).as(f.toString()).isEmpty();
            assertThat(f.getFileName().toString()).isEqualTo(s.name() + ".yaml");
            // the plugins accept it: sampler and negatives are there exactly when a term needs negatives
            var ex = dev.ebm.runner.train.Experiment.build(s, PluginRegistry.load());
            assertThat(ex.needsNegatives).as(f.toString()).isEqualTo(s.sampler() != null);
            assertThat(loader.parse(loader.toYaml(s), List.of())).as(f.toString()).isEqualTo(s);
        }
    }

    static String golden(String name) throws IOException {
        try (var in = SpecLoadingTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing().replace("\n", System.lineSeparator());
        }
    }
}
