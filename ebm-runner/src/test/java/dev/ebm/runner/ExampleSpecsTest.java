package dev.ebm.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example spec loads, builds and trains for a few steps (shrunk), with finite losses. The examples on
 * downloaded image data sets are trained and evaluated in their shrunk form by ImageExamplesTest instead.
 */
class ExampleSpecsTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final Path EXAMPLES = Path.of("..", "examples");

    static Stream<Path> examples() {
        return ExampleFiles.trainable().stream().filter(p -> !ExampleFiles.downloadsData(p));
    }

    @Test
    void theExamplesOfThePaperVariantsArePresent() throws IOException {
        assertThat(examples().map(p -> p.getFileName().toString()))
                .contains("eight-gaussians-ml.yaml", "eight-gaussians-cd.yaml", "eight-gaussians-kl-aux.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleTrainsInAShrunkForm(Path file, @TempDir Path tmp) throws IOException {
        SpecLoader loader = new SpecLoader(REGISTRY);
        ExperimentSpec spec = loader.load(file, List.of("train.steps=3", "train.batch=64", "train.logEvery=1"));
        Experiment ex;
        try {
            ex = Experiment.build(spec, REGISTRY);
        } catch (SpecException e) {
            // MNIST examples need the data cache (bin/ebm data fetch mnist); without it they are skipped
            Assumptions.assumeFalse(e.getMessage().contains("is not in the data cache"), e.getMessage());
            throw e;
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new Trainer(ex, tmp, quiet, false).run(false, step -> {});
        List<String> lines = Files.readAllLines(tmp.resolve("metrics.jsonl"));
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertThat(Double.isFinite(n.get("loss").asDouble())).as("%s: %s", file, line).isTrue();
            assertThat(n.get("terms").size()).isEqualTo(spec.objective().size());
        }
    }
}
