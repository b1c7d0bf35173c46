package dev.ebm.runner.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.Box;
import dev.ebm.api.DataSource;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.DataProvider;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Provider;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.sample.SamplingSetup;
import dev.ebm.runner.spec.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Energies with state (spectral norm's vectors): updated once per step after the optimizer, checkpointed as the
 * {@code energy} part, restored on resume (bit-identical runs) and loaded for sampling.
 */
class EnergyStateTest {
    private static final PluginRegistry REGISTRY = withTinyImages(PluginRegistry.load());
    private final SpecLoader loader = new SpecLoader(REGISTRY);
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private static final String SPEC = """
            name: sn
            seed: 3
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [16, 16], spectralNorm: true}
            negatives: {type: replay-buffer, capacity: 200, reinit: 0.05}
            sampler: {type: langevin, steps: 5, epsilon: 0.1}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 0.1}
            optimizer: {type: adam, lr: 1.0e-2, betas: [0.0, 0.999]}
            train: {steps: 8, batch: 32, logEvery: 1, checkpointEvery: 4, sampleEvery: 1000}
            """;

    /** IGEBM-style layers, spectral norm and a multi-scale sum, on 1×8×8 images. */
    private static final String IMAGES = SPEC.replace("{type: mlp, hidden: [16, 16], spectralNorm: true}",
            "{type: multiscale, scales: [{type: cnn, channels: [4, 4], kernels: [3, 4], paddingMode: same, "
                    + "convBias: false, head: [8], activation: leaky-relu, spectralNorm: true}, "
                    + "{type: cnn, channels: [4], spectralNorm: true, spectralNormOutput: true}]}")
            .replace("epsilon: 0.1", "epsilon: 0.01").replace("batch: 32", "batch: 8");

    /** Random 1×8×8 images in [0, 1): image data without a download. */
    record TinyImagesSpec() implements DataSpec {}

    static final class TinyImagesProvider implements DataProvider {
        @Override
        public String type() {
            return "tiny-images";
        }

        @Override
        public Class<TinyImagesSpec> specType() {
            return TinyImagesSpec.class;
        }

        @Override
        public DataSource create(DataSpec spec, PluginContext context) {
            return new DataSource() {
                @Override
                public long[] sampleShape() {
                    return new long[] {1, 8, 8};
                }

                @Override
                public INDArray batch(int n, Rng rng, DataType dtype) {
                    return rng.uniform(dtype, n, 1, 8, 8);
                }

                @Override
                public Box bounds() {
                    return Box.uniform(64, 0, 1);
                }
            };
        }
    }

    private static PluginRegistry withTinyImages(PluginRegistry loaded) {
        List<Provider<?, ?>> all = new ArrayList<>();
        for (Kind k : Kind.values()) {
            all.addAll(loaded.providers(k).values());
        }
        all.add(new TinyImagesProvider());
        return PluginRegistry.of(all);
    }

    private ExperimentSpec images() {
        ExperimentSpec s = loader.parse(IMAGES, List.of());
        return new ExperimentSpec(s.name(), s.seed(), s.dtype(), new TinyImagesSpec(), s.energy(), s.negatives(),
                s.sampler(), s.objective(), s.optimizer(), s.train());
    }

    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed");
        }
    }

    /** Trains to the end (or until the step {@code killAfter}); returns the experiment. */
    private Experiment train(ExperimentSpec spec, Path dir, boolean resume, long killAfter) {
        Experiment ex = Experiment.build(spec, REGISTRY);
        new Trainer(ex, dir, quiet, false).run(resume, step -> {
            if (step == killAfter) {
                throw new Killed();
            }
        });
        return ex;
    }

    @Test
    void aResumedRunWithSpectralNormIsBitIdenticalToAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        for (ExperimentSpec spec : List.of(loader.parse(SPEC, List.of()), images())) {
            Path dir = tmp.resolve(spec.data() instanceof TinyImagesSpec ? "images" : "points");
            Experiment straight = train(spec, dir.resolve("straight"), false, -1);
            assertThatThrownBy(() -> train(spec, dir.resolve("killed"), false, 6)).isInstanceOf(Killed.class);
            Experiment resumed = train(spec, dir.resolve("killed"), true, -1);
            for (var e : straight.trainable.arrays().entrySet()) {
                assertThat(resumed.trainable.arrays().get(e.getKey()).ravel().toDoubleVector()).as(e.getKey())
                        .containsExactly(e.getValue().ravel().toDoubleVector());
            }
            assertThat(straight.energy.state()).isNotEmpty();
            for (var e : straight.energy.state().entrySet()) {
                assertThat(resumed.energy.state().get(e.getKey()).ravel().toDoubleVector()).as(e.getKey())
                        .containsExactly(e.getValue().ravel().toDoubleVector());
            }
            assertThat(Files.readString(dir.resolve("killed/metrics.jsonl")).replaceAll("\"wall_s\":[0-9.eE+-]+", ""))
                    .isEqualTo(Files.readString(dir.resolve("straight/metrics.jsonl"))
                            .replaceAll("\"wall_s\":[0-9.eE+-]+", ""));
            // the vectors move once per step: the two checkpoints hold different ones
            String first = straight.energy.state().keySet().iterator().next();
            INDArray at4 = npy(dir.resolve("straight/checkpoints/step-4").resolve(Trainer.ENERGY_PART), first);
            INDArray at8 = npy(dir.resolve("straight/checkpoints/step-8").resolve(Trainer.ENERGY_PART), first);
            assertThat(at8.ravel().toDoubleVector()).containsExactly(straight.energy.state().get(first).ravel().toDoubleVector());
            assertThat(at4.ravel().toDoubleVector()).isNotEqualTo(at8.ravel().toDoubleVector());
        }
    }

    @Test
    void theUpdateRunsOncePerStepAfterTheOptimizer(@TempDir Path tmp) {
        ExperimentSpec spec = loader.parse(SPEC, List.of("train.steps=1"));
        Experiment ex = Experiment.build(spec, REGISTRY);
        Map<String, INDArray> initial = copy(ex.energy.state());
        new Trainer(ex, tmp, quiet, false).run(false, step -> {});
        // what one afterUpdate on the updated weights gives, from the initial vectors
        Experiment check = Experiment.build(spec, REGISTRY);
        ex.trainable.arrays().forEach((name, a) -> check.trainable.arrays().get(name).assign(a));
        check.energy.restore(initial);
        check.energy.afterUpdate();
        check.energy.state().forEach((name, a) -> assertThat(ex.energy.state().get(name).ravel().toDoubleVector())
                .as(name).containsExactly(a.ravel().toDoubleVector()));
    }

    @Test
    void samplingARunLoadsTheCheckpointedVectors(@TempDir Path tmp) throws Exception {
        ExperimentSpec spec = loader.parse(SPEC, List.of());
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("spec.resolved.yaml"), loader.toYaml(spec));
        Experiment trained = train(spec, run, false, -1);
        SamplingSetup setup = SamplingSetup.build(loader.load(run.resolve("spec.resolved.yaml"), List.of()),
                REGISTRY);
        assertThat(setup.energy.state().get("w0.u").ravel().toDoubleVector())
                .isNotEqualTo(trained.energy.state().get("w0.u").ravel().toDoubleVector());
        setup.load(run.resolve("checkpoints/step-8"));
        trained.energy.state().forEach((name, a) -> assertThat(setup.energy.state().get(name).ravel().toDoubleVector())
                .as(name).containsExactly(a.ravel().toDoubleVector()));
        // a checkpoint without the energy part cannot be sampled with this energy
        Path stripped = run.resolve("checkpoints/step-4");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                stripped.resolve("manifest.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("parts")).remove("energy");
        json.writeValue(stripped.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> setup.load(stripped)).isInstanceOf(SpecException.class)
                .hasMessageContaining("energy: does not match the checkpoint")
                .hasMessageContaining("keeps state [w0.u, w0.v, w1.u, w1.v]");
    }

    @Test
    void anEnergyThatDoesNotFitTheDataIsRefusedUnderItsPath() {
        ExperimentSpec cnnOnPoints = loader.parse(SPEC, List.of("energy={type: cnn}"));
        assertThatThrownBy(() -> Experiment.build(cnnOnPoints, REGISTRY)).isInstanceOf(SpecException.class)
                .hasMessageContaining("energy.type: the cnn energy needs image samples of shape [C, H, W], found [2]");
        ExperimentSpec tooSmall = images();
        ExperimentSpec quarter = loader.parse(IMAGES, List.of("energy={type: multiscale, scales: [{type: mlp}, "
                + "{type: mlp}, {type: cnn, padding: 0}]}"));
        ExperimentSpec s = new ExperimentSpec(quarter.name(), quarter.seed(), quarter.dtype(), tooSmall.data(),
                quarter.energy(), quarter.negatives(), quarter.sampler(), quarter.objective(), quarter.optimizer(),
                quarter.train());
        assertThatThrownBy(() -> Experiment.build(s, REGISTRY)).isInstanceOf(SpecException.class)
                .hasMessageContaining("energy.scales[2].kernel: a 3x3 kernel with padding 0 does not fit: the "
                        + "spatial size of the 2x2 input goes 2x2 -> 0x0 at convolution 0 (stride 1) (scale 2 sees "
                        + "the [1, 8, 8] samples pooled 2 time(s) to [1, 2, 2])");
    }

    @Test
    void theResolvedSpecOfTheNewEnergiesReadsBackEqual() {
        ExperimentSpec s = loader.parse(IMAGES, List.of());
        assertThat(loader.parse(loader.toYaml(s), List.of())).isEqualTo(s);
    }

    private static INDArray npy(Path dir, String name) {
        return Nd4j.createFromNpyFile(dir.resolve(name + ".npy").toFile());
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> state) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        state.forEach((k, v) -> m.put(k, v.dup()));
        return m;
    }
}
