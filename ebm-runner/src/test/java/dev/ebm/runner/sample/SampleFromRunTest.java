package dev.ebm.runner.sample;

import static dev.ebm.runner.sample.SampleCommandTest.ebm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Sampling a trained run: its spec and checkpoints are found, and the trained parameters are the ones sampled. */
class SampleFromRunTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private final SpecLoader loader = new SpecLoader(REGISTRY);

    private static final String SPEC = """
            name: tiny
            seed: 5
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [16, 16]}
            negatives: {type: replay-buffer, capacity: 200, reinit: 0.05}
            sampler: {type: langevin, steps: 5, epsilon: 0.1}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 0.1}
            optimizer: {type: adam, lr: 1.0e-2}
            train: {steps: 6, batch: 32, logEvery: 1, checkpointEvery: 3, sampleEvery: 1000}
            """;

    /** Trains {@link #SPEC} into {@code dir}; returns the final parameters. */
    private Map<String, INDArray> train(Path dir) throws Exception {
        ExperimentSpec spec = loader.parse(SPEC, List.of());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("spec.resolved.yaml"), loader.toYaml(spec));
        Experiment ex = Experiment.build(spec, REGISTRY);
        new Trainer(ex, dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false)
                .run(false, step -> {});
        return ex.energy.parameters().arrays();
    }

    @Test
    void runAndCheckpointDirectoriesLoadTheirTrainedParameters(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        Map<String, INDArray> trained = train(run);

        SampleSource fromRun = SampleSource.resolve(run);
        assertThat(fromRun.kind()).isEqualTo(SampleSource.Kind.RUN);
        assertThat(fromRun.checkpoint().getFileName().toString()).isEqualTo("step-6");
        SamplingSetup setup = SamplingSetup.build(loader.load(fromRun.spec(), List.of()), REGISTRY);
        assertThat(setup.load(fromRun.checkpoint())).isEqualTo(6);
        setup.energy.parameters().arrays().forEach((name, arr) -> {
            assertThat(arr.shape()).as("shape of %s", name).isEqualTo(trained.get(name).shape());
            assertThat(values(arr)).as("parameter %s", name).containsExactly(values(trained.get(name)));
        });
        assertThat(setup.sampleShape).containsExactly(2);

        Path step3 = run.resolve("checkpoints").resolve("step-3");
        SampleSource fromCheckpoint = SampleSource.resolve(step3);
        assertThat(fromCheckpoint.kind()).isEqualTo(SampleSource.Kind.CHECKPOINT);
        assertThat(fromCheckpoint.spec()).isEqualTo(run.toAbsolutePath().normalize().resolve("spec.resolved.yaml"));
        SamplingSetup at3 = SamplingSetup.build(loader.load(fromCheckpoint.spec(), List.of()), REGISTRY);
        assertThat(at3.load(step3)).isEqualTo(3);
        INDArray saved = Nd4j.createFromNpyFile(step3.resolve("params").resolve(trained.keySet().iterator().next()
                + ".npy").toFile());
        assertThat(values(at3.energy.parameters().arrays().values().iterator().next())).containsExactly(values(saved));
        assertThat(values(saved)).as("step 3 differs from step 6")
                .isNotEqualTo(values(trained.values().iterator().next()));

        Path out = tmp.resolve("s");
        var r = ebm("sample", run.toString(), "--chains", "32", "--steps", "10", "--set", "sampler.epsilon=0.05",
                "--out", out.toString());
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("(run directory at step 6)");
        JsonNode info = new ObjectMapper().readTree(out.resolve("info.json").toFile());
        assertThat(info.get("checkpoint_step").asInt()).isEqualTo(6);
        assertThat(info.get("source_kind").asText()).isEqualTo("run");
        assertThat(Files.readString(out.resolve("spec.resolved.yaml"))).contains("epsilon: 0.05")
                .contains("type: replay-buffer");
        for (String f : List.of("samples.npy", "chain.png", "info.json")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
    }

    @Test
    void aRunWithoutCheckpointOrAMismatchedEnergyIsRefused(@TempDir Path tmp) throws Exception {
        Path run = Files.createDirectories(tmp.resolve("fresh"));
        Files.writeString(run.resolve("spec.resolved.yaml"), loader.toYaml(loader.parse(SPEC, List.of())));
        var r = ebm("sample", run.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("has no checkpoint yet");

        Path trained = tmp.resolve("run");
        train(trained);
        SamplingSetup wider = SamplingSetup.build(loader.load(trained.resolve("spec.resolved.yaml"),
                List.of("energy.hidden=[16, 17]")), REGISTRY);
        assertThatThrownBy(() -> wider.load(trained.resolve("checkpoints").resolve("step-6")))
                .isInstanceOf(SpecException.class).hasMessageContaining("does not match the checkpoint");
    }

    private static double[] values(INDArray a) {
        return a.dup('c').reshape(new long[] {a.length()}).toDoubleVector();
    }
}
