package dev.ebm.runner.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.runner.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ebm eval}: a run's recomputed eval.json equals the one training wrote; a checkpoint is evaluated at its
 * step; and the run's log holds the diagnostics of training and evaluation, without library chatter.
 */
class EvalCommandTest {
    private static final String SPEC = """
            name: tiny-eval
            seed: 7
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [16, 16]}
            negatives: {type: replay-buffer, capacity: 200, reinit: 0.05}
            sampler: {type: langevin, steps: 5, epsilon: 0.1}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 0.1}
            optimizer: {type: adam, lr: 1.0e-2}
            train: {steps: 6, batch: 32, logEvery: 1, checkpointEvery: 3, sampleEvery: 1000, evalGrid: 40,
                    evalPoints: 500}
            """;

    static Cli.Result ebm(String... args) {
        return Cli.run(args);
    }

    @Test
    void evalOfARunReproducesTrainingsNumbersAndACheckpointIsScoredAtItsStep(@TempDir Path tmp) throws IOException {
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, SPEC);
        Path run = tmp.resolve("run");
        Cli.Result train = ebm("train", spec.toString(), "--out", run.toString());
        assertThat(train.code()).as(train.err() + train.out()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode trained = json.readTree(run.resolve("eval.json").toFile());
        assertThat(trained.get("step").asInt()).isEqualTo(6);
        Files.delete(run.resolve("plots").resolve("density.png"));

        Cli.Result eval = ebm("eval", run.toString());
        assertThat(eval.code()).as(eval.err() + eval.out()).isZero();
        JsonNode again = json.readTree(run.resolve("eval.json").toFile());
        assertThat(again).isEqualTo(trained);
        assertThat(List.of("nll", "kl", "border_mass", "log_z")).allSatisfy(k ->
                assertThat(again.get(k).asDouble()).as(k).isEqualTo(trained.get(k).asDouble()));
        assertThat(json.readTree(eval.out().substring(eval.out().indexOf('{'), eval.out().lastIndexOf('}') + 1)))
                .as("printed").isEqualTo(trained);
        assertThat(eval.out()).contains("wrote " + run.resolve("eval.json"));
        assertThat(run.resolve("plots").resolve("density.png")).isNotEmptyFile();

        Path step3 = run.resolve("checkpoints").resolve("step-3");
        Cli.Result at3 = ebm("eval", step3.toString());
        assertThat(at3.code()).as(at3.err() + at3.out()).isZero();
        Path file3 = run.toAbsolutePath().resolve("eval").resolve("step-3").resolve("eval.json");
        JsonNode e3 = json.readTree(file3.toFile());
        assertThat(e3.get("step").asInt()).isEqualTo(3);
        assertThat(e3.has("train_wall_s")).isFalse();
        assertThat(e3.get("kl").asDouble()).isNotEqualTo(trained.get("kl").asDouble());
        assertThat(file3.resolveSibling("plots").resolve("density.png")).isNotEmptyFile();
        assertThat(json.readTree(run.resolve("eval.json").toFile())).as("the run's own eval.json untouched")
                .isEqualTo(trained);

        Path out = tmp.resolve("elsewhere").resolve("e.json");
        Cli.Result finer = ebm("eval", run.toString(), "--set", "train.evalGrid=60", "--out", out.toString());
        assertThat(finer.code()).as(finer.err()).isZero();
        JsonNode fine = json.readTree(out.toFile());
        assertThat(fine.get("grid").asInt()).isEqualTo(60);
        assertThat(fine.get("step").asInt()).isEqualTo(6);
        assertThat(((ObjectNode) fine).has("train_wall_s")).isFalse();
        assertThat(((ObjectNode) fine).has("train_cpu_s")).isFalse();

        String log = Files.readString(run.resolve("run.log"));
        assertThat(log).contains("INFO  TrainRun - training " + run)
                .contains("INFO  Checkpoints - checkpoint written: " + run.resolve("checkpoints").resolve("step-3"))
                .contains("INFO  Checkpoints - checkpoint written: " + run.resolve("checkpoints").resolve("step-6"))
                .contains("INFO  TrainRun - training done in")
                .contains("INFO  TrainRun - wrote eval.json: {\"step\":6,")
                .contains("INFO  EvalRun - evaluating " + step3.toAbsolutePath().normalize() + " (step 3)")
                .doesNotContain("DEBUG").doesNotContain("org.nd4j").doesNotContain("bytedeco");
        assertThat(log.lines()).allSatisfy(l -> assertThat(l).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} "
                + "(INFO |WARN |ERROR) \\w+ - .*"));
        assertThat(train.err()).as("the terminal gets the diagnostics too").contains("TrainRun - training " + run);
        assertThat(train.out()).as("progress and results stay on stdout").contains("train 6/6 (100%)")
                .contains("eval: nll").contains("done: " + run);
    }

    @Test
    void aSpecOrARunWithoutCheckpointIsRefused(@TempDir Path tmp) throws IOException {
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, SPEC);
        Cli.Result r = ebm("eval", spec.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a spec file: eval needs a run directory");
        Files.createDirectories(tmp.resolve("run"));
        Files.writeString(tmp.resolve("run").resolve("spec.resolved.yaml"), SPEC);
        Cli.Result none = ebm("eval", tmp.resolve("run").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("has no checkpoint yet");
        Cli.Result missing = ebm("eval", tmp.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or directory");
    }
}
