package dev.ebm.runner.eval.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.ExampleFiles;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.TrainRun;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every image example ({@code examples/mnist/}) trains and is evaluated end to end in its shrunk form
 * ({@link ExampleFiles#shrunkImageRun}): generated 16×16 images in place of MNIST (no download), 10 steps, sets of
 * 640 samples. Its recipe otherwise runs as written (energy, sampler settings, objective terms, buffer transitions).
 * The run writes sample grids and an {@code eval.json} whose sets are scored with finite Fréchet distances, and the
 * evaluation tells data from the samples of a barely trained model. One evaluation classifier serves all examples
 * (trained on first use into a temporary data cache).
 */
class ImageExamplesTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The image recipes directly under examples/mnist/; the models of examples/mnist/gagnon-lajoie/ are trained,
     * shrunk, by GagnonLajoieExperimentsTest through the experiment files that use them.
     */
    static Stream<Path> examples() {
        return ExampleFiles.images().stream().filter(p -> p.getParent().getFileName().toString().equals("mnist"));
    }

    @Test
    void theThreeImageRecipesAreThere() {
        assertThat(examples().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("igebm.yaml", "improved-cd.yaml", "short-run.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theShrunkExampleTrainsWritesGridsAndScoresItsSampleSets(Path file, @TempDir Path tmp) throws Exception {
        SpecLoader loader = new SpecLoader(REGISTRY);
        ExperimentSpec spec = loader.load(file, ExampleFiles.shrunkImageRun(file));
        Path run = tmp.resolve("run");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        long wall = System.nanoTime();
        JsonNode eval = new TrainRun(loader, REGISTRY, out).run(spec, run, false, false, List.of(), s -> { });
        System.out.printf("[image examples] %s: %.1f s wall (training %.1f s)%n", file.getFileName(),
                (System.nanoTime() - wall) / 1e9, eval.get("train_wall_s").asDouble());

        int side = ExampleFiles.GENERATED_IMAGE_SIZE;
        for (int step : List.of(5, ExampleFiles.SHRUNK_STEPS)) {
            BufferedImage png = ImageIO.read(run.resolve("samples").resolve("step-" + step + ".png").toFile());
            assertThat(png.getWidth()).as("%s: grid of 8 x 8 data beside 8 x 8 negatives", file)
                    .isGreaterThan(2 * 8 * side);
        }
        assertThat(run.resolve("plots").resolve("fresh_chains.png")).exists();
        assertThat(JSON.readTree(run.resolve("eval.json").toFile()).toString()).isEqualTo(eval.toString());
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            assertThat(JSON.readTree(line).get("terms").size()).isEqualTo(spec.objective().size());
            assertThat(Double.isFinite(JSON.readTree(line).get("loss").asDouble())).as("%s: %s", file, line).isTrue();
        }

        assertThat(eval.at("/classifier/dataset").asText()).isEqualTo("synthetic-images");
        boolean persistent = "replay-buffer".equals(ExampleFiles.tree(file).at("/negatives/type").asText());
        List<String> sets = persistent ? List.of("fresh_chains", "replay_buffer", "data") : List.of("fresh_chains",
                "data");
        assertThat(eval.has("replay_buffer")).as("%s: a replay buffer is scored iff the run keeps one", file)
                .isEqualTo(persistent);
        for (String name : sets) {
            JsonNode set = eval.get(name);
            assertThat(set.get("count").asInt()).as("%s: %s", file, name).isEqualTo(ExampleFiles.SHRUNK_SET);
            double frechet = set.get("frechet").asDouble();
            assertThat(set.get("frechet").isNumber() && Double.isFinite(frechet) && frechet > 0)
                    .as("%s: %s Frechet distance %s", file, name, set.get("frechet")).isTrue();
            assertThat(set.get("class_entropy").asDouble()).isBetween(0.0, Math.log(10) + 1e-9);
            assertThat(set.at("/top_probability/mean").asDouble()).isBetween(0.1, 1.0);
        }
        JsonNode fresh = eval.get("fresh_chains");
        assertThat(fresh.get("steps").asInt()).isEqualTo(3);
        assertThat(fresh.get("sampler_source").asText())
                .isEqualTo(ExampleFiles.tree(file).path("eval").has("sampler") ? "eval.sampler" : "sampler (training)");
        assertThat(fresh.at("/sampler/noise").asDouble())
                .isEqualTo(ExampleFiles.tree(file).at("/sampler/noise").asDouble());
        // training images sit far closer to the test set than 3 sampler steps from noise of a 10-step model
        assertThat(eval.at("/data/frechet").asDouble()).as("%s", file)
                .isLessThan(0.2 * fresh.get("frechet").asDouble());
    }
}
