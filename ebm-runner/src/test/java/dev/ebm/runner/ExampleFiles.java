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
     * Every experiment spec, sorted: the {@code .yaml} files under {@code examples/} except build outputs and
     * {@code examples/sweeps/}, which holds sweep files ({@code bin/ebm sweep}, checked by SweepExamplesTest), and
     * {@code examples/plugin-example/}, whose spec needs its plugin jar (the examples module trains and explains it
     * through {@code bin/ebm}).
     */
    public static List<Path> specs() {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/")
                    && !p.toString().contains("/sweeps/") && !p.toString().contains("/plugin-example/")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The specs that train: {@link #specs()} without {@code examples/sample/} (sampling-only specs). */
    public static List<Path> trainable() {
        return specs().stream().filter(p -> !p.toString().contains("/sample/")).toList();
    }
}
