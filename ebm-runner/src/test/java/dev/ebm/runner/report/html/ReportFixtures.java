package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.runner.Main;
import dev.ebm.runner.RunnerWiring;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.MetricsLog;
import dev.ebm.runner.train.TrainRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A sweep directory built by hand in the layout {@code bin/ebm sweep} writes: two cases × two seeds of tiny real
 * training runs in {@code runs/CASE-seedN/}, a failed and a pending run in {@code sweep.json}, and
 * {@code summary.csv} computed here from the runs' {@code eval.json} (mean, sample std, 95 % t interval). Built once
 * per test JVM under {@code target/report-fixtures/}.
 */
final class ReportFixtures {
    static final PluginRegistry REGISTRY = PluginRegistry.load();
    static final SpecLoader LOADER = new SpecLoader(REGISTRY);
    static final List<String> CASES = List.of("eps=0.05", "eps=0.2");
    static final List<Integer> SEEDS = List.of(1, 2);
    /** Metrics summarised: from eval.json, then the last metrics line. */
    static final List<String> METRICS = List.of("kl", "nll", "border_mass", "loss");
    /** The error of the failed run: it holds markup, which the report must show as text. */
    static final String FAILED_ERROR = "sampler.epsilon: must be > 0, found -1 <b>bold?</b> & friends";
    /** 97.5 % quantile of Student's t with 1 degree of freedom (two seeds). */
    static final double T_975_DF1 = 12.706204736174705;

    static final String SPEC = """
            name: tiny-report
            seed: 1
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [16, 16]}
            negatives: {type: replay-buffer, capacity: 200, reinit: 0.05}
            sampler: {type: langevin, steps: 4, epsilon: 0.1}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 0.1}
            optimizer: {type: adam, lr: 1.0e-2}
            train: {steps: 6, batch: 32, logEvery: 1, checkpointEvery: 1000, sampleEvery: 2, evalGrid: 30,
                    evalPoints: 400}
            """;

    private static Path sweep;

    private ReportFixtures() {}

    /** The sweep directory (built on first use). */
    static synchronized Path sweep() {
        if (sweep == null) {
            try {
                sweep = build(Path.of("target", "report-fixtures", "sweep").toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sweep;
    }

    /** A finished run of the sweep (case eps=0.05, seed 1). */
    static Path run() {
        return sweep().resolve("runs").resolve("eps=0.05-seed1");
    }

    /** A copy of {@link #run()} in {@code dir}. */
    static Path copyOfRun(Path dir) throws IOException {
        Path src = run();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir;
    }

    private static Path build(Path dir) throws IOException {
        delete(dir);
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        ArrayNode runs = json.createArrayNode();
        StringBuilder csv = new StringBuilder("case,runs,failed");
        for (String m : METRICS) {
            csv.append(String.format(Locale.ROOT, ",%1$s_mean,%1$s_std,%1$s_ci95_low,%1$s_ci95_high", m));
        }
        csv.append(",wall_s_mean,wall_s_std\n");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String c : CASES) {
            double eps = Double.parseDouble(c.substring("eps=".length()));
            List<double[]> values = new ArrayList<>();
            List<Double> walls = new ArrayList<>();
            for (int seed : SEEDS) {
                String name = c + "-seed" + seed;
                Path runDir = dir.resolve("runs").resolve(name);
                long t0 = System.nanoTime();
                new TrainRun(LOADER, REGISTRY, quiet).run(LOADER.parse(SPEC, List.of("seed=" + seed,
                        "sampler.epsilon=" + eps)), runDir, false, false, List.of("train", "tiny"), step -> {});
                double wall = (System.nanoTime() - t0) / 1e9;
                walls.add(wall);
                JsonNode eval = json.readTree(runDir.resolve("eval.json").toFile());
                List<JsonNode> lines = MetricsLog.read(runDir.resolve("metrics.jsonl"));
                JsonNode last = lines.get(lines.size() - 1);
                double[] v = new double[METRICS.size()];
                for (int i = 0; i < v.length; i++) {
                    String m = METRICS.get(i);
                    v[i] = (eval.has(m) ? eval.get(m) : last.get(m)).asDouble();
                }
                values.add(v);
                runs.addObject().put("case", c).put("seed", seed).put("dir", "runs/" + name).put("state", "done")
                        .putNull("error").put("wall_s", wall);
            }
            boolean withFailure = c.equals("eps=0.2");
            csv.append('"').append(c).append('"').append(',').append(SEEDS.size()).append(',')
                    .append(withFailure ? 1 : 0);
            for (int i = 0; i < METRICS.size(); i++) {
                double[] col = new double[values.size()];
                for (int k = 0; k < col.length; k++) {
                    col[k] = values.get(k)[i];
                }
                double mean = mean(col);
                double std = std(col);
                double half = T_975_DF1 * std / Math.sqrt(col.length);
                csv.append(String.format(Locale.ROOT, ",%s,%s,%s,%s", mean, std, mean - half, mean + half));
            }
            double[] w = walls.stream().mapToDouble(Double::doubleValue).toArray();
            csv.append(String.format(Locale.ROOT, ",%s,%s%n", mean(w), std(w)));
        }
        runs.addObject().put("case", "eps=0.2").put("seed", 3).put("dir", "runs/eps=0.2-seed3").put("state", "failed")
                .put("error", FAILED_ERROR).put("wall_s", 0.4);
        runs.addObject().put("case", "eps=0.05").put("seed", 3).put("dir", "runs/eps=0.05-seed3")
                .put("state", "pending").putNull("error").putNull("wall_s");
        ObjectNode sweepJson = json.createObjectNode();
        sweepJson.set("runs", runs);
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("sweep.json").toFile(), sweepJson);
        Files.writeString(dir.resolve("summary.csv"), csv);
        Files.writeString(dir.resolve("sweep.yaml"), """
                base: tiny.yaml
                grid:
                  sampler.epsilon: [0.05, 0.2]
                cases: {}
                seeds: [1, 2, 3]
                """);
        return dir;
    }

    /** Writes a report of {@code dir} with the real command line; returns the file. */
    static Path report(Path dir, Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(new RunnerWiring(REGISTRY), "report", dir.toString(), "--out", out.toString());
            if (code != 0) {
                throw new AssertionError("bin/ebm report " + dir + " exited " + code + ": "
                        + err.toString(StandardCharsets.UTF_8));
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return out;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double std(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
