package dev.ebm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.runner.engine.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep through the Spark engine on local[2] writes what the local engine writes: the same runs, the same
 * summary rows (wall times aside); running it again skips finished runs and resumes an unfinished one from its
 * checkpoint.
 */
class SparkSweepTest {
    static final String SWEEP = """
            base:
              name: tiny
              data: {type: eight-gaussians}
              energy: {type: mlp, hidden: [8]}
              negatives: {type: replay-buffer, capacity: 100, reinit: 0.05}
              sampler: {type: langevin, steps: 3, epsilon: 0.1}
              objective: [{type: ml}, {type: energy-l2, weight: 0.1}]
              optimizer: {type: adam, lr: 1.0e-2}
              train: {steps: 4, batch: 16, logEvery: 1, checkpointEvery: 2, sampleEvery: 1000, evalGrid: 30,
                      evalPoints: 300}
            grid:
              sampler.epsilon: [0.1, 0.05]
            seeds: [3]
            """;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSparkEngineIsFoundOnTheClassPath() {
        assertThat(Engines.known()).containsExactly("local", "spark");
        assertThat(Engines.find("spark").description()).startsWith("Apache Spark 4.2.0");
    }

    @Test
    void aSparkSweepOnLocal2HasTheLocalSweepsSummaryAndContinuesLikeIt(@TempDir Path tmp) throws Exception {
        Path launcher = Ebm.launcher(tmp);
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, SWEEP);
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        Ebm.Result a = Ebm.run(launcher, "sweep", file.toString(), "--out", local.toString());
        assertThat(a.code()).as(a.out() + a.err()).isZero();
        Ebm.Result b = Ebm.run(launcher, "sweep", file.toString(), "--out", spark.toString(), "--engine", "spark",
                "--master", "local[2]");
        assertThat(b.code()).as(b.out() + b.err()).isZero();
        assertThat(b.err()).contains("sweep: engine spark, master local[2]: 2 run(s) at a time, 1 thread(s) each");
        assertThat(withoutWallTimes(spark.resolve("summary.csv"))).isEqualTo(withoutWallTimes(local.resolve(
                "summary.csv"))).hasSize(3);
        for (String run : List.of("epsilon=0.1-seed3", "epsilon=0.05-seed3")) {
            assertThat(json.readTree(spark.resolve("runs").resolve(run).resolve("eval.json").toFile()).get("kl"))
                    .isEqualTo(json.readTree(local.resolve("runs").resolve(run).resolve("eval.json").toFile())
                            .get("kl"));
        }
        JsonNode status = json.readTree(spark.resolve("sweep.json").toFile());
        assertThat(status.path("counts").toString()).isEqualTo("{\"done\":2,\"failed\":0,\"running\":0,\"pending\":0}");
        assertThat(Files.readString(spark.resolve("sweep.log"))).contains("started (Spark job");
        // Spark's own INFO lines stay out of the terminal and the sweep's log
        assertThat(b.err().lines().filter(l -> l.contains(" INFO ") && !l.contains("Spark")).toList())
                .allSatisfy(l -> assertThat(l).doesNotContain("org.apache.spark"));
        assertThat(Files.readString(spark.resolve("sweep.log"))).doesNotContain("SparkContext")
                .doesNotContain("BlockManager");

        // one run cut back to its step-2 checkpoint: the second sweep resumes it and leaves the other alone
        Path cut = spark.resolve("runs").resolve("epsilon=0.05-seed3");
        JsonNode evalBefore = json.readTree(cut.resolve("eval.json").toFile());
        Files.delete(cut.resolve("eval.json"));
        try (Stream<Path> s = Files.walk(cut.resolve("checkpoints").resolve("step-4"))) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Ebm.Result c = Ebm.run(launcher, "sweep", file.toString(), "--out", spark.toString(), "--engine", "spark",
                "--master", "local[2]");
        assertThat(c.code()).as(c.out() + c.err()).isZero();
        assertThat(Files.readString(spark.resolve("runs").resolve("epsilon=0.1-seed3").resolve("console.log"))
                .lines().filter(l -> l.contains("sweep child:")).count()).isEqualTo(1);
        assertThat(Files.readString(cut.resolve("console.log"))).contains("resuming from checkpoints/step-2 (step 2)");
        JsonNode evalAfter = json.readTree(cut.resolve("eval.json").toFile());
        assertThat(evalAfter.get("kl")).isEqualTo(evalBefore.get("kl"));
    }

    @Test
    void aMasterWithoutAnEngineOrAnUnknownMasterIsRefused(@TempDir Path tmp) throws Exception {
        Path launcher = Ebm.launcher(tmp);
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, SWEEP);
        Ebm.Result noEngine = Ebm.run(launcher, "sweep", file.toString(), "--out", tmp.resolve("x").toString(),
                "--master", "local[2]");
        assertThat(noEngine.code()).isEqualTo(2);
        assertThat(noEngine.err()).contains("--master local[2] needs an engine other than local");
        Ebm.Result bad = Ebm.run(launcher, "sweep", file.toString(), "--out", tmp.resolve("y").toString(),
                "--engine", "spark", "--master", "lokal[2]");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown Spark master 'lokal[2]'; legal: local, local[N]");
        Ebm.Result unknown = Ebm.run(launcher, "sweep", file.toString(), "--engine", "flink");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown engine 'flink'; known here: [local, spark]");
    }

    /** The CSV's rows without the wall and CPU time columns (which differ from run to run). */
    private static List<String> withoutWallTimes(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> head = List.of(lines.get(0).split(",", -1));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (!head.get(i).startsWith("wall_s") && !head.get(i).startsWith("train_wall_s")
                        && !head.get(i).startsWith("train_cpu_s")) {
                    kept.add(cells[i]);
                }
            }
            out.add(String.join(",", kept));
        }
        return out;
    }
}
