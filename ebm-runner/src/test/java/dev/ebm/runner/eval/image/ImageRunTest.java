package dev.ebm.runner.eval.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.eval.RunEvaluation;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.TrainRun;
import dev.ebm.runner.train.Trainer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short image run on generated images (no download): a tiny cnn trained for a few steps writes sample grids at
 * {@code sampleEvery} and an {@code eval.json} with the replay buffer and fresh chains scored by a classifier that
 * the evaluation trains on first use and caches (here under a temporary data cache).
 */
class ImageRunTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final String SPEC = """
            name: tiny-images
            seed: 3
            data: {type: synthetic-images, size: 16, scale: symmetric}
            energy: {type: cnn, channels: [8, 8], strides: [2, 2]}
            negatives: {type: replay-buffer, capacity: 800, reinit: 0.05}
            sampler: {type: langevin, steps: 5, stepSize: 1.0, noise: 0.01, clamp: [-1, 1]}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 1.0}
            optimizer: {type: adam, lr: 1.0e-3, betas: [0.0, 0.999]}
            train: {steps: 14, batch: 64, sampleEvery: 7, checkpointEvery: 7, logEvery: 1}
            eval:
              chains: 700
              traceChains: 5
              sampler: {type: langevin, steps: 6, stepSize: 1.0, noise: 0.01, clamp: [-1, 1]}
            """;

    @TempDir
    static Path cache;

    @BeforeAll
    static void useTemporaryDataCache() {
        System.setProperty("ebm.data", cache.toString());
    }

    @AfterAll
    static void restoreDataCache() {
        System.clearProperty("ebm.data");
    }

    @Test
    void aShortImageRunWritesSampleGridsAndScoresBothSampleSets(@TempDir Path tmp) throws Exception {
        SpecLoader loader = new SpecLoader(REGISTRY);
        ExperimentSpec spec = loader.parse(SPEC, List.of());
        assertThat(spec.eval().chains()).isEqualTo(700);
        Path run = tmp.resolve("run");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        ObjectNode eval = new TrainRun(loader, REGISTRY, out).run(spec, run, false, false, List.of(), s -> { });
        String printed = log.toString(StandardCharsets.UTF_8);
        System.out.println(printed);

        for (String step : List.of("7", "14")) {
            BufferedImage png = ImageIO.read(run.resolve("samples").resolve("step-" + step + ".png").toFile());
            assertThat(png.getWidth()).isGreaterThan(2 * 8 * 16);
        }
        assertThat(run.resolve("plots").resolve("replay_buffer.png")).exists();
        assertThat(run.resolve("plots").resolve("fresh_chains.png")).exists();
        JsonNode written = new ObjectMapper().readTree(run.resolve("eval.json").toFile());
        assertThat(written.toString()).isEqualTo(eval.toString());

        JsonNode classifier = eval.get("classifier");
        assertThat(classifier.get("dataset").asText()).isEqualTo("synthetic-images");
        assertThat(classifier.get("test_accuracy").asDouble()).isGreaterThan(0.95);
        assertThat(classifier.get("trained_now").asBoolean()).isTrue();
        assertThat(classifier.get("features").asInt()).isEqualTo(64);
        assertThat(printed).contains("no cached classifier: training");
        // 2,000 balanced test images, nearly all classified right: entropy close to ln 10
        assertThat(eval.at("/test_set/class_entropy").asDouble()).isCloseTo(Math.log(10), within(0.02));

        JsonNode buffer = eval.get("replay_buffer");
        assertThat(buffer.get("count").asInt()).isEqualTo(800);
        JsonNode fresh = eval.get("fresh_chains");
        assertThat(fresh.get("count").asInt()).isEqualTo(700);
        assertThat(fresh.get("steps").asInt()).isEqualTo(6);
        assertThat(fresh.at("/sampler/type").asText()).isEqualTo("langevin");
        assertThat(fresh.at("/sampler/noise").asDouble()).isEqualTo(0.01);
        assertThat(fresh.get("sampler_source").asText()).isEqualTo("eval.sampler");
        for (JsonNode set : List.of(buffer, fresh, eval.get("data"))) {
            assertThat(set.get("class_entropy").asDouble()).isBetween(0.0, Math.log(10) + 1e-9);
            assertThat(set.at("/top_probability/mean").asDouble()).isBetween(0.1, 1.0);
            assertThat(set.at("/top_probability/q5").asDouble())
                    .isLessThanOrEqualTo(set.at("/top_probability/q95").asDouble());
            assertThat(set.get("frechet").isNumber()).isTrue();
            assertThat(set.get("class_histogram").size()).isEqualTo(10);
        }
        // 700 training images sit far closer to the test set than 14 steps of a tiny model's samples
        assertThat(eval.at("/data/frechet").asDouble()).isLessThan(0.2 * fresh.get("frechet").asDouble());
        JsonNode trace = fresh.get("trace");
        assertThat(trace.get("steps")).hasSize(7);
        assertThat(trace.get("classes")).hasSize(5);
        assertThat(trace.get("classes").get(0)).hasSize(7);
        assertThat(trace.get("changes")).hasSize(5);

        // the classifier is cached now, and the evaluation of the same parameters is the same
        Experiment again = Experiment.build(spec, REGISTRY);
        new Trainer(again, run, out, false).loadLatestParameters();
        ObjectNode second = RunEvaluation.evaluate(again, tmp.resolve("again"), out);
        assertThat(second.at("/classifier/trained_now").asBoolean()).isFalse();
        assertThat(second.get("replay_buffer")).isEqualTo(buffer);
        assertThat(second.at("/fresh_chains/frechet").asDouble()).isCloseTo(fresh.get("frechet").asDouble(),
                within(1e-6 * fresh.get("frechet").asDouble()));
    }
}
