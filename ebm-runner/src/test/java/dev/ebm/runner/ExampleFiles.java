package dev.ebm.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The example spec files under {@code examples/}, for the tests that check every one of them. */
public final class ExampleFiles {
    /** The examples directory, seen from the runner module. */
    public static final Path ROOT = Path.of("..", "examples");

    /** Data sources read from the data cache ({@code bin/ebm data fetch}): the tests never download them. */
    public static final Set<String> DOWNLOADED_DATA = Set.of("mnist", "fashion-mnist");

    /** The side of the generated images that stand in for a downloaded image data set in the tests. */
    public static final int GENERATED_IMAGE_SIZE = 16;

    /**
     * Samples in the image examples' shrunk sets: the replay buffer's capacity, the fresh chains and the training
     * negatives over a shrunk run ({@link #SHRUNK_STEPS} × 64); 10·d for the classifier's d = 64 features, the
     * fewest the evaluation gives a Fréchet distance for.
     */
    public static final int SHRUNK_SET = 640;

    /** Training steps of an image example's shrunk form. */
    public static final int SHRUNK_STEPS = 10;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ExampleFiles() {}

    /**
     * Every experiment spec, sorted: the {@code .yaml} files under {@code examples/} except build outputs, sweep
     * files in {@code sweeps/} directories ({@code bin/ebm sweep}, checked by SweepExamplesTest) and experiment
     * files in {@code experiments/} directories ({@code bin/ebm experiment}, run by GagnonLajoieExperimentsTest), and
     * {@code examples/plugin-example/}, whose spec needs its plugin jar (the examples module trains and explains it
     * through {@code bin/ebm}).
     */
    public static List<Path> specs() {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/")
                    && !p.toString().contains("/sweeps/") && !p.toString().contains("/experiments/")
                    && !p.toString().contains("/plugin-example/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The specs that train: {@link #specs()} without the sampling-only specs ({@link #sampleOnly}). */
    public static List<Path> trainable() {
        return specs().stream().filter(p -> !sampleOnly(p)).toList();
    }

    /**
     * Whether {@code spec} is a sampling-only spec (an analytic energy and a sampler, no data: {@code bin/ebm sample}
     * and {@code bin/ebm logz}): the files under {@code examples/sample/} and {@code examples/estimators/}.
     */
    public static boolean sampleOnly(Path spec) {
        return spec.toString().contains("/sample/") || spec.toString().contains("/estimators/");
    }

    /** The trainable specs whose data is a downloaded image data set ({@code examples/mnist/}). */
    public static List<Path> images() {
        return trainable().stream().filter(ExampleFiles::downloadsData).toList();
    }

    /** The spec file as a tree, before defaults and validation. */
    public static JsonNode tree(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the spec's data source is one of {@link #DOWNLOADED_DATA}. */
    public static boolean downloadsData(Path file) {
        return DOWNLOADED_DATA.contains(tree(file).path("data").path("type").asText());
    }

    /**
     * The {@code --set} overrides that make a spec trainable without a download: for a spec on
     * {@link #DOWNLOADED_DATA}, {@code synthetic-images} of side {@link #GENERATED_IMAGE_SIZE} in its place (the
     * data spec's {@code split}, {@code scale}, {@code dequantize} and {@code noiseStd} kept, since both sources share
     * them); none for other specs.
     */
    public static List<String> generatedData(Path file) {
        if (!downloadsData(file)) {
            return List.of();
        }
        return List.of("data.type=synthetic-images", "data.size=" + GENERATED_IMAGE_SIZE);
    }

    /**
     * The shrunk form of an image example, as {@code --set} overrides: {@link #generatedData}, then
     * {@link #SHRUNK_STEPS} steps of batch 64 with 3 sampler steps, grids every 5 steps, and sets of
     * {@link #SHRUNK_SET} samples (replay-buffer capacity and fresh chains, whose own sampler, if the spec has one,
     * also runs 3 steps). Everything else (energy, objective, transitions, optimizer) stays as the example has it.
     */
    public static List<String> shrunkImageRun(Path file) {
        JsonNode spec = tree(file);
        List<String> sets = new ArrayList<>(generatedData(file));
        sets.addAll(List.of("train.steps=" + SHRUNK_STEPS, "train.batch=64", "train.logEvery=1",
                "train.sampleEvery=5", "train.checkpointEvery=5", "sampler.steps=3", "eval.chains=" + SHRUNK_SET,
                "eval.traceChains=4"));
        if ("replay-buffer".equals(spec.path("negatives").path("type").asText())) {
            sets.add("negatives.capacity=" + SHRUNK_SET);
        }
        if (spec.path("eval").has("sampler")) {
            sets.add("eval.sampler.steps=3");
        }
        return sets;
    }
}
