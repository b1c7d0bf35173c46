package dev.ebm.runner.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.runner.Cli;
import dev.ebm.runner.sweep.ChildLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three experiment files of examples/mnist/gagnon-lajoie/experiments/ run end to end through
 * {@code bin/ebm experiment}, shrunk onto 8 × 8 generated images (one seed, a few training steps in child processes,
 * short chains), with the known answers: chains of 0 steps from test images keep every label and travel 0 pixels;
 * chains that cannot move (no noise, a vanishing step) change no class; a shared start is one class at step 0;
 * results and finished runs are reused by a second invocation and by the next experiment.
 */
class GagnonLajoieExperimentsTest {
    private static final Path DIR = Path.of("..", "examples", "mnist", "gagnon-lajoie", "experiments");
    /** The models on small generated images: a tiny cnn, 3 training steps. */
    private static final List<String> SHRINK = List.of("data={type: synthetic-images, size: 8, dequantize: uniform}",
            "energy.channels=[4, 8]", "energy.head=[8]", "negatives.capacity=64", "train.steps=3", "train.batch=16",
            "train.checkpointEvery=3", "train.sampleEvery=3", "train.logEvery=1", "eval.chains=16",
            "eval.traceChains=4");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void useTemporaryDataCache() {
        System.setProperty("ebm.data", tmp.resolve("cache").toString());
    }

    @AfterAll
    static void restoreDataCache() {
        System.clearProperty("ebm.data");
    }

    /** Runs {@code bin/ebm experiment FILE} shrunk, with children that share this JVM's data cache. */
    private static Cli.Result experiment(String file, String... with) throws IOException {
        Path launcher = launcher();
        List<String> args = new ArrayList<>(List.of("experiment", DIR.resolve(file).toString(), "--out",
                tmp.resolve("out").toString(), "--report", tmp.resolve("report-" + file).toString(), "--seeds", "1"));
        SHRINK.forEach(s -> args.addAll(List.of("--set", s)));
        for (String w : with) {
            args.addAll(List.of("--with", w));
        }
        String before = System.getProperty(ChildLauncher.LAUNCHER_PROPERTY);
        System.setProperty(ChildLauncher.LAUNCHER_PROPERTY, launcher.toString());
        try {
            Cli.Result r = Cli.run(args.toArray(new String[0]));
            System.out.println(r.out() + r.err());
            return r;
        } finally {
            if (before == null) {
                System.clearProperty(ChildLauncher.LAUNCHER_PROPERTY);
            } else {
                System.setProperty(ChildLauncher.LAUNCHER_PROPERTY, before);
            }
        }
    }

    private static Path launcher() throws IOException {
        Path script = tmp.resolve("ebm-test-launcher");
        if (!Files.exists(script)) {
            List<String> jvm = List.of("-Xmx768m", "-Dorg.bytedeco.javacpp.maxbytes=2G",
                    "-Dorg.bytedeco.javacpp.maxphysicalbytes=3G", "-XX:TieredStopAtLevel=1",
                    "-Debm.data=" + tmp.resolve("cache"));
            String cmd = ChildLauncher.currentJvm(jvm).prefix().stream()
                    .map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
            Files.writeString(script, "#!/bin/sh\nexec " + cmd + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return script;
    }

    private static JsonNode result(String experiment, String analysis, String model) throws IOException {
        return JSON.readTree(tmp.resolve("out").resolve(experiment).resolve(analysis).resolve(model)
                .resolve("result.json").toFile());
    }

    @Test
    void theThreeExperimentsRunEndToEndOnSmallImagesWithTheirKnownAnswers() throws IOException {
        // 1. true CD against ML; chains from test images run 0 steps: every label kept, nothing travelled
        Cli.Result first = experiment("true-cd-vs-ml.yaml", "analyses.from-noise.chains=12",
                "analyses.from-noise.steps=6", "analyses.from-noise.record=2", "analyses.from-test.chains=12",
                "analyses.from-test.steps=0", "analyses.lines.lines=6", "analyses.lines.points=5");
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        for (String model : List.of("ml-seed1", "cd-star-seed1", "cd-seed1")) {
            JsonNode test = result("true-cd-vs-ml", "from-test", model);
            assertThat(test.at("/from_test/kept_fraction").asDouble()).isEqualTo(1.0);
            assertThat(test.at("/from_test/distance/max").asDouble()).isEqualTo(0.0);
            assertThat(test.at("/from_test/mean_abs_pixel_change").asDouble()).isEqualTo(0.0);
            assertThat(test.get("start_test_indices")).hasSize(12);
            JsonNode noise = result("true-cd-vs-ml", "from-noise", model);
            assertThat(noise.get("record_steps").toString()).isEqualTo("[0,2,4,6]");
            assertThat(noise.get("classes")).hasSize(12);
            int total = 0;
            for (JsonNode c : noise.at("/end/class_histogram")) {
                total += c.asInt();
            }
            assertThat(total).isEqualTo(12);
            assertThat(noise.at("/end/frechet").asDouble()).isGreaterThan(noise.at("/end/frechet_floor").asDouble());
            JsonNode lines = result("true-cd-vs-ml", "lines", model);
            assertThat(lines.get("energies")).hasSize(6);
            assertThat(lines.get("mean").get(0).asDouble()).isEqualTo(lines.get("energy_test_end").asDouble());
            assertThat(lines.at("/barrier/min").asDouble()).isGreaterThanOrEqualTo(0.0);
        }
        // the same starts for every model: the chains' randomness does not depend on the model
        assertThat(result("true-cd-vs-ml", "from-test", "ml-seed1").get("start_test_indices"))
                .isEqualTo(result("true-cd-vs-ml", "from-test", "cd-seed1").get("start_test_indices"));
        String report = Files.readString(tmp.resolve("report-true-cd-vs-ml.yaml").resolve("report.md"));
        assertThat(report).contains("## Analysis `from-test`", "| ml | 1 |", "100.0 %", "persistent-cd-star",
                "ml-persistent", "![mean energy along the lines](lines-energy.png)");
        assertThat(tmp.resolve("report-true-cd-vs-ml.yaml").resolve("lines-energy.png")).exists();

        // again: nothing trained, nothing recomputed
        Cli.Result again = experiment("true-cd-vs-ml.yaml", "analyses.from-noise.chains=12",
                "analyses.from-noise.steps=6", "analyses.from-noise.record=2", "analyses.from-test.chains=12",
                "analyses.from-test.steps=0", "analyses.lines.lines=6", "analyses.lines.points=5");
        assertThat(again.out()).contains("0 results computed, 9 reused");

        // 2. the noise funnel on the finished ml run; a shared start is one class at step 0
        Cli.Result funnel = experiment("noise-funnel.yaml", "analyses.shared-start.chains=8",
                "analyses.shared-start.steps=10", "analyses.shared-start.at=[4]",
                "analyses.shared-start.vary={sampler.noise: [0.005, 0.5]}", "analyses.different-starts.chains=8",
                "analyses.different-starts.steps=10", "analyses.different-starts.at=[4]",
                "analyses.different-starts.vary={sampler.noise: [0.005, 0.5]}");
        assertThat(funnel.code()).as(funnel.out() + funnel.err()).isZero();
        assertThat(funnel.out()).contains("4 results computed, 0 reused");
        JsonNode shared = result("noise-funnel", "shared-start@noise=0.5", "ml-seed1");
        assertThat(shared.at("/sampler/noise").asDouble()).isEqualTo(0.5);
        assertThat(shared.at("/class_histograms/0/most_common_fraction").asDouble()).isEqualTo(1.0);
        assertThat(shared.get("record_steps").toString()).isEqualTo("[0,4,10]");
        JsonNode different = result("noise-funnel", "different-starts@noise=0.005", "ml-seed1");
        assertThat(different.at("/end/most_common_fraction").asDouble()).isBetween(1.0 / 8, 1.0);
        assertThat(Files.readString(tmp.resolve("report-noise-funnel.yaml").resolve("report.md")))
                .contains("most common at 4", "| ml | 1 | 0.5 |");

        // 3. elastic deformations; chains with no noise and a vanishing step cannot move: no class changes
        Cli.Result elastic = experiment("elastic.yaml", "analyses.sampled-plain.chains=6",
                "analyses.sampled-plain.steps=8", "analyses.sampled-plain.record=2",
                "analyses.sampled-plain.set={sampler.noise: 0, sampler.stepSize: 1.0e-30}",
                "analyses.sampled-deformed.chains=6", "analyses.sampled-deformed.steps=8",
                "analyses.sampled-deformed.record=2", "analyses.sampled-deformed.set={sampler.transitions: "
                        + "[{type: elastic, mode: grid, std: 2, points: 3}], sampler.transitionEvery: 2}");
        assertThat(elastic.code()).as(elastic.out() + elastic.err()).isZero();
        for (String model : List.of("ml-seed1", "ml-elastic-seed1")) {
            JsonNode still = result("elastic", "sampled-plain", model);
            assertThat(still.at("/trace/changes/max").asDouble()).isZero();
            assertThat(still.at("/trace/distinct/max").asDouble()).isEqualTo(1.0);
            assertThat(still.at("/trace/most_frequent_fraction/min").asDouble()).isEqualTo(1.0);
            JsonNode e = still.get("energies").get(0);
            assertThat(e.get(e.size() - 1).asDouble()).isCloseTo(e.get(0).asDouble(), within(1e-6));
            JsonNode moved = result("elastic", "sampled-deformed", model);
            assertThat(moved.at("/sampler/transitionEvery").asInt()).isEqualTo(2);
            assertThat(moved.at("/trace/deep_hole_fraction").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(Files.readString(tmp.resolve("report-elastic.yaml").resolve("report.md")))
                .contains("deep holes", "![classes](sampled-plain-ml-seed1-classes.png)");
    }
}
