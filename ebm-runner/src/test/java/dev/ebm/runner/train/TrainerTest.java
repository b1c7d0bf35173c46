package dev.ebm.runner.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.spec.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private final SpecLoader loader = new SpecLoader(REGISTRY);

    private static final String SPEC = """
            name: resume
            seed: 11
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [16, 16]}
            negatives: {type: replay-buffer, capacity: 200, reinit: 0.05}
            sampler: {type: langevin, steps: 5, epsilon: 0.1}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 0.1}
            optimizer: {type: adam, lr: 1.0e-2, betas: [0.0, 0.999]}
            train: {steps: 12, batch: 32, logEvery: 1, checkpointEvery: 4, sampleEvery: 1000}
            """;

    /** A stand-in for a killed process: thrown from the step callback, after the step's effects. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed");
        }
    }

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private Map<String, INDArray> train(ExperimentSpec spec, Path dir, boolean resume, long killAfter) {
        Experiment ex = Experiment.build(spec, REGISTRY);
        Trainer trainer = new Trainer(ex, dir, quiet, false);
        trainer.run(resume, step -> {
            if (step == killAfter) {
                throw new Killed();
            }
        });
        return ex.trainable.arrays();
    }

    /** The same run with a kl-aux term, whose entropy memory (40 samples, wrapping at step 2) is checkpointed. */
    private static final String KL_SPEC = SPEC.replace("  - {type: energy-l2, weight: 0.1}\n",
            "  - {type: energy-l2, weight: 0.1}\n  - {type: kl-aux, entropy: {weight: 0.5, buffer: 40}}\n");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ml", "ml + kl-aux"})
    void aKilledRunResumedFromItsCheckpointEndsWithTheSameParametersAsAnUninterruptedOne(String objective,
            @TempDir Path tmp) throws Exception {
        ExperimentSpec spec = loader.parse(objective.equals("ml") ? SPEC : KL_SPEC, List.of());
        assertThat(spec.objective()).hasSize(objective.equals("ml") ? 2 : 3);
        Map<String, INDArray> straight = train(spec, tmp.resolve("straight"), false, -1);

        Path dir = tmp.resolve("killed");
        assertThatThrownBy(() -> train(spec, dir, false, 7)).isInstanceOf(Killed.class);
        // the checkpoint of step 4 survives; steps 5..7 are lost and must be redone identically
        Map<String, INDArray> resumed = train(spec, dir, true, -1);

        assertThat(resumed.keySet()).isEqualTo(straight.keySet());
        for (String name : straight.keySet()) {
            assertThat(resumed.get(name).shape()).isEqualTo(straight.get(name).shape());
            assertThat(resumed.get(name).ravel().toDoubleVector())
                    .as("parameter %s after resume", name)
                    .containsExactly(straight.get(name).ravel().toDoubleVector());
        }
        // the metrics of the lost steps are not duplicated: one line per step, in order
        List<String> lines = Files.readAllLines(dir.resolve("metrics.jsonl"));
        assertThat(lines).hasSize(12);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = mapper.readTree(lines.get(i));
            assertThat(line.get("step").asLong()).isEqualTo(i + 1);
        }
        // and they are the same numbers as the uninterrupted run's, apart from wall time
        assertThat(withoutWallTime(dir.resolve("metrics.jsonl")))
                .isEqualTo(withoutWallTime(tmp.resolve("straight").resolve("metrics.jsonl")));
    }

    private static final String NCE = """
            name: nce
            seed: 5
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [16, 16]}
            objective:
              - {type: nce, ratio: 2}
            optimizer: {type: adam, lr: 1.0e-2}
            train: {steps: 8, batch: 32, logEvery: 1, checkpointEvery: 4, sampleEvery: 1000}
            """;

    @Test
    void aSpecWhoseTermsNeedNoNegativesTrainsWithoutSamplerAndResumesItsLogZ(@TempDir Path tmp) throws Exception {
        ExperimentSpec spec = loader.parse(NCE, List.of());
        assertThat(spec.sampler()).isNull();
        assertThat(spec.negatives()).isNull();
        Map<String, INDArray> straight = train(spec, tmp.resolve("straight"), false, -1);
        assertThat(straight).containsKey("objective0.logZ");
        // log Z is trained: it moved from its initial 0
        assertThat(Math.abs(straight.get("objective0.logZ").getDouble(0))).isGreaterThan(1e-3);
        Path dir = tmp.resolve("killed");
        assertThatThrownBy(() -> train(spec, dir, false, 6)).isInstanceOf(Killed.class);
        Map<String, INDArray> resumed = train(spec, dir, true, -1);
        for (String name : straight.keySet()) {
            assertThat(resumed.get(name).ravel().toDoubleVector()).as("parameter %s after resume", name)
                    .containsExactly(straight.get(name).ravel().toDoubleVector());
        }
        assertThat(Files.exists(dir.resolve("checkpoints/step-8/params/objective0.logZ.npy"))).isTrue();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            JsonNode m = mapper.readTree(line);
            assertThat(m.has("e_neg")).isFalse();
            assertThat(m.has("accept_rate")).isFalse();
            assertThat(m.get("e_pos").isNumber()).isTrue();
            assertThat(m.get("terms").get("0:nce").isNumber()).isTrue();
        }
    }

    @Test
    void aTermThatNeedsNegativesWithoutSamplerAndNegativesIsRefusedNamingBoth() {
        ExperimentSpec spec = loader.parse(NCE.replace("{type: nce, ratio: 2}", "{type: nce}\n  - {type: ml}"),
                List.of());
        assertThatThrownBy(() -> Experiment.build(spec, REGISTRY))
                .isInstanceOf(dev.ebm.api.spec.SpecException.class)
                .hasMessageContaining("negatives: is required for training with [ml] (terms that need negative "
                        + "samples)")
                .hasMessageContaining("sampler: is required for training with [ml]");
    }

    private static String withoutWallTime(Path metrics) throws java.io.IOException {
        return Files.readString(metrics).replaceAll("\"wall_s\":[0-9.eE+-]+", "");
    }

    @Test
    void theEntropyMemoryOfAKlTermIsCheckpointed(@TempDir Path tmp) throws Exception {
        ExperimentSpec spec = loader.parse(KL_SPEC, List.of("train.steps=4"));
        train(spec, tmp, false, -1);
        Path part = tmp.resolve("checkpoints").resolve("step-4").resolve(Trainer.termPart(2));
        INDArray samples = org.nd4j.linalg.factory.Nd4j.createFromNpyFile(part.resolve("samples.npy").toFile());
        assertThat(samples.shape()).containsExactly(40, 2);
    }

    @Test
    void termsThatDifferentiateThroughSamplingRefuseAMetropolisKernelWhenTheExperimentIsBuilt() {
        ExperimentSpec spec = loader.parse(KL_SPEC, List.of("sampler.type=mala"));
        assertThatThrownBy(() -> Experiment.build(spec, REGISTRY))
                .isInstanceOf(dev.ebm.api.spec.SpecException.class)
                .hasMessageContaining("objective[2]: 'kl-aux' differentiates through the sampler's steps")
                .hasMessageContaining("is not differentiable; use a kernel that declares replayable steps (langevin or gd) "
                        + "(found sampler.type: mala)");
    }

    @Test
    void chainsRecordAsManyStepsAsTheObjectiveReplays() {
        assertThat(Experiment.build(loader.parse(SPEC, List.of()), REGISTRY).replaySteps()).isZero();
        assertThat(Experiment.build(loader.parse(KL_SPEC, List.of()), REGISTRY).replaySteps()).isEqualTo(1);
        assertThat(Experiment.build(loader.parse(KL_SPEC, List.of("objective[2].backpropSteps=0")), REGISTRY)
                .replaySteps()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void checkpointsAreKeptAtMostThreeAndNoTemporaryDirectoryRemains(@TempDir Path tmp) throws Exception {
        ExperimentSpec spec = loader.parse(SPEC, List.of("train.checkpointEvery=2"));
        train(spec, tmp, false, -1);
        try (var s = Files.list(tmp.resolve("checkpoints"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyInAnyOrder("step-8", "step-10", "step-12");
        }
    }

    @Test
    void explodingEnergiesStopTheRunNamingTheStepAndTheQuantity(@TempDir Path tmp) {
        ExperimentSpec spec = loader.parse(SPEC, List.of("train.maxEnergy=1.0e-6"));
        assertThatThrownBy(() -> train(spec, tmp, false, -1))
                .isInstanceOf(DivergenceException.class)
                .hasMessageStartingWith("step 1: e_pos (mean energy of the data batch) = ")
                .hasMessageContaining("exceeds train.maxEnergy = 1.0E-6");
    }

    @Test
    void aNanEnergyStopsTheRunBeforeItReachesTheParameters(@TempDir Path tmp) {
        // a sampler step this large sends the chains to infinity, and their energies to NaN or infinity
        ExperimentSpec spec = loader.parse(SPEC, List.of("sampler.epsilon=1.0e30", "train.maxEnergy=1.0e300"));
        assertThatThrownBy(() -> train(spec, tmp, false, -1))
                .isInstanceOf(DivergenceException.class)
                .hasMessageMatching("(?s)step 1: (e_neg|loss)[^:]*(is (NaN|Infinity|-Infinity)|exceeds).*");
    }
}
