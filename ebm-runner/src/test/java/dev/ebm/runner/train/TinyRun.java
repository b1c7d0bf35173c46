package dev.ebm.runner.train;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.spec.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A training run small enough to repeat many times in a test: a 2-8-1 MLP, a replay buffer, a few steps. */
final class TinyRun {
    static final PluginRegistry REGISTRY = PluginRegistry.load();
    static final SpecLoader LOADER = new SpecLoader(REGISTRY);

    static final String SPEC = """
            name: tiny
            seed: 7
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [8]}
            negatives: {type: replay-buffer, capacity: 64, reinit: 0.05}
            sampler: {type: langevin, steps: 3, epsilon: 0.1}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 0.1}
            optimizer: {type: adam, lr: 1.0e-2, betas: [0.0, 0.999]}
            train: {steps: 8, batch: 16, logEvery: 1, checkpointEvery: 2, sampleEvery: 1000, evalGrid: 20,
                    evalPoints: 200}
            """;

    private TinyRun() {}

    static ExperimentSpec spec(String... overrides) {
        return LOADER.parse(SPEC, List.of(overrides));
    }

    /** Trains in-process; returns what it printed. */
    static String train(ExperimentSpec spec, Path dir, boolean resume) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new Trainer(Experiment.build(spec, REGISTRY), dir, out, false).run(resume, step -> {});
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Every file of a checkpoint, by relative path, as bytes (the arrays compare bit for bit). */
    static Map<String, byte[]> files(Path checkpoint) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(checkpoint)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(checkpoint.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** The metrics lines without their timing fields. */
    static List<String> metricsWithoutTiming(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            out.add(line.replaceAll(",?\"wall_s\":[0-9.eE+-]+", ""));
        }
        return out;
    }

    /** Copies a directory tree. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
