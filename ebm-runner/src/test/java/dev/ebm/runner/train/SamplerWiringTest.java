package dev.ebm.runner.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.spec.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sampler spec's transitions reach the training loop's chain runs, and replica exchange trains and reports its
 * per-temperature diagnostics in metrics.jsonl; both round-trip through the resolved YAML.
 */
class SamplerWiringTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private final SpecLoader loader = new SpecLoader(REGISTRY);
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    /** gd with a negligible step leaves the chains where the noise source put them, inside the data's box. */
    private static final String SPEC = """
            name: wiring
            seed: 5
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [8]}
            negatives: {type: noise}
            sampler: {type: gd, steps: 3, stepSize: 1.0e-30}
            objective: [{type: ml}]
            optimizer: {type: adam, lr: 1.0e-3}
            train: {steps: 1, batch: 64, sampleEvery: 1, maxEnergy: 1.0e12}
            """;

    private double maxAbsNegative(ExperimentSpec spec, Path dir) {
        Experiment ex = Experiment.build(spec, REGISTRY);
        double[] max = {0};
        new Trainer(ex, dir, quiet, false).onSamples((step, xPos, xNeg) -> max[0] = xNeg.amaxNumber().doubleValue())
                .run(false, step -> {});
        return max[0];
    }

    /**
     * With {@code transitions: [{type: noise, std: 10}]} every step, the 3-step chains are moved twice (after steps 1
     * and 2), so the negatives spread far outside the data's box (|x| &lt; 3); without, they stay inside it.
     */
    @Test
    void samplerTransitionsAreAppliedInTheTrainingLoop(@TempDir Path tmp) {
        ExperimentSpec plain = loader.parse(SPEC, List.of());
        ExperimentSpec moved = loader.parse(SPEC, List.of("sampler.transitions=[{type: noise, std: 10}]",
                "sampler.transitionEvery=1"));
        Experiment ex = Experiment.build(moved, REGISTRY);
        assertThat(ex.transitions).hasSize(1);
        assertThat(ex.transitionEvery).isEqualTo(1);
        assertThat(Experiment.build(plain, REGISTRY).transitions).isEmpty();
        double inside = maxAbsNegative(plain, tmp.resolve("plain"));
        double outside = maxAbsNegative(moved, tmp.resolve("moved"));
        System.out.printf("[wiring] max |x-| without transitions %.3f, with noise 10 twice %.3f%n", inside, outside);
        assertThat(inside).isLessThan(3.0);
        assertThat(outside).isGreaterThan(20.0);
        assertThat(loader.parse(loader.toYaml(moved), List.of())).isEqualTo(moved);
    }

    @Test
    void replicaExchangeTrainsAndLogsItsDiagnostics(@TempDir Path tmp) throws Exception {
        ExperimentSpec spec = loader.parse(SPEC, List.of("sampler={type: replica-exchange, steps: 4, "
                + "temperatures: [1, 3], kernel: {type: mala, epsilon: 0.1}, transitions: [{type: noise, std: 0.01}],"
                + " transitionEvery: 2}"));
        String yaml = loader.toYaml(spec);
        assertThat(yaml).contains("type: replica-exchange").contains("type: mala").contains("type: noise");
        assertThat(loader.parse(yaml, List.of())).isEqualTo(spec);
        Experiment ex = Experiment.build(spec, REGISTRY);
        new Trainer(ex, tmp, quiet, false).run(false, step -> {});
        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(tmp.resolve("metrics.jsonl")).get(0));
        assertThat(line.has("accept_rate")).isTrue();
        for (String key : List.of("accept_rate@T=1", "accept_rate@T=3", "swap_rate@T=1:3")) {
            assertThat(line.has(key)).as(key + " in " + line).isTrue();
            assertThat(line.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
        }
    }
}
