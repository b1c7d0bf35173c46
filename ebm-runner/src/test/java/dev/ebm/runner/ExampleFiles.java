package dev.ebm.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example spec files under {@code examples/}, for the tests that check every one of them. */
public final class ExampleFiles {
    /** The examples directory, seen from the runner module. */
    public static final Path ROOT = Path.of("..", "examples");

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
}
