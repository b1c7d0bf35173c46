package dev.ebm.runner.logz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.TrainSpec;
import dev.ebm.estimators.LogZSuite;
import dev.ebm.runner.Cli;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.TrainRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ebm logz}: JSON fields and the exact answer for an analytic spec, errors, and a short NCE training run on
 * eight gaussians whose estimates agree with the grid log Z (and whose {@code eval.json} holds the chosen one).
 */
class LogZCommandTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    /** Exit code, standard output and standard error of one command line. */
    /** {@code bin/ebm ARGS} in this JVM. */
    static Cli.Result ebm(String... args) {
        return Cli.run(args);
    }

    private static final String ANALYTIC = """
            name: analytic
            seed: 2
            dtype: float64
            energy: {type: gaussian-mixture, weights: [0.5, 0.5], means: [[-1.0, 0.0], [1.5, 0.5]], stds: [0.5, 0.8],
                     temperature: 0.5, offset: 3.0}
            sampler: {type: mala, steps: 50, epsilon: 0.3}
            """;

    private static final String NCE = """
            name: tiny-nce
            seed: 3
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [32, 32], activation: swish}
            objective:
              - {type: nce, ratio: 4}
            optimizer: {type: adam, lr: 3.0e-3}
            train: {steps: 200, batch: 128, logEvery: 50, checkpointEvery: 200, sampleEvery: 1000, evalGrid: 200,
                    evalPoints: 2000, logZ: mis}
            """;

    @Test
    void methodsAreOneIdACommaSeparatedListInSuiteOrderOrAll() {
        assertThat(LogZOptions.methods("bridge")).containsExactly("bridge");
        assertThat(LogZOptions.methods("ris, is,bridge")).containsExactly("is", "ris", "bridge");
        assertThat(LogZOptions.methods("all")).isEqualTo(LogZSuite.METHODS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogZOptions.methods("is,brige"))
                .hasMessageContaining("unknown 'brige'");
    }

    @Test
    void equivalenceListsEveryRelationWithItsDifferenceAtSolverTolerance(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("a.yaml");
        Files.writeString(spec, ANALYTIC);
        var r = ebm("logz", spec.toString(), "--equivalence", "--samples", "400", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("samples").asText()).isEqualTo("exact draws");
        JsonNode rows = j.get("equivalences");
        assertThat(rows).hasSize(6);
        List<String> relations = new ArrayList<>();
        for (JsonNode row : rows) {
            relations.add(row.get("relation").asText());
            assertThat(Math.abs(row.get("difference").asDouble())).as(row.toString()).isLessThan(1e-8);
            assertThat(row.get("stderr").asDouble()).isGreaterThan(1e-4);
        }
        assertThat(relations).contains("nce at a fixed shape = optimal bridge",
                "multi-sample RLR without model samples (Vardi) = MIS, balance heuristic");
        var text = ebm("logz", spec.toString(), "--equivalence", "--samples", "200");
        assertThat(text.out()).contains("exact log Z", "two-sample RLR = optimal bridge");
    }

    @Test
    void jsonGivesTheEstimateItsErrorAndCostBesideTheExactAnswer(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("a.yaml");
        Files.writeString(spec, ANALYTIC);
        var r = ebm("logz", spec.toString(), "--method", "bridge", "--samples", "500", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("method").asText()).isEqualTo("bridge");
        assertThat(j.get("evaluations").asLong()).isEqualTo(1000);
        double truth = j.get("truth").asDouble();
        assertThat(truth).isNotCloseTo(0.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(j.get("log_z").asDouble()).isCloseTo(truth, org.assertj.core.data.Offset.offset(
                4 * j.get("stderr").asDouble()));
        assertThat(j.get("setup").asText()).contains("exact draws");

        var all = ebm("logz", spec.toString(), "--method", "all", "--samples", "200", "--chains", "20",
                "--temperatures", "10", "--repeat", "2", "--json");
        assertThat(all.code()).as(all.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(all.out());
        List<String> methods = new ArrayList<>();
        list.forEach(m -> methods.add(m.get("method").asText()));
        assertThat(methods).isEqualTo(LogZSuite.METHODS);
        list.forEach(m -> assertThat(m.get("repeats").asInt()).isEqualTo(2));
        assertThat(list.get(0).get("sd").asDouble()).isPositive();
    }

    @Test
    void badMethodsAndProposalsAreRefused(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("a.yaml");
        Files.writeString(spec, ANALYTIC);
        var r = ebm("logz", spec.toString(), "--method", "nce");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--method: unknown 'nce'; known: [is, ris, mis, bridge, rlr, ais, rais], all, or a comma-separated list");
        var p = ebm("logz", spec.toString(), "--proposal", "student");
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("proposal: unknown 'student'");
        assertThat(TrainSpec.LOG_Z_METHODS.subList(0, LogZSuite.METHODS.size())).isEqualTo(LogZSuite.METHODS);
    }

    @Test
    void aTrainedToyRunAgreesWithItsGridLogZ(@TempDir Path tmp) throws Exception {
        SpecLoader loader = new SpecLoader(REGISTRY);
        Path run = tmp.resolve("run");
        var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        var eval = new TrainRun(loader, REGISTRY, quiet).run(loader.parse(NCE, List.of()), run, false, false,
                List.of("train"), step -> {});
        double grid = eval.get("log_z").asDouble();
        JsonNode chosen = eval.get("log_z_estimate");
        assertThat(chosen.get("method").asText()).isEqualTo("mis");
        assertThat(chosen.get("grid_log_z").asDouble()).isCloseTo(grid, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Files.readString(run.resolve("eval.json"))).contains("\"log_z_estimate\"");

        List<JsonNode> estimates = new ArrayList<>();
        for (String method : List.of("is", "ais", "rais")) {
            var r = ebm("logz", run.toString(), "--method", method, "--samples", "1000", "--chains", "40",
                    "--temperatures", "30", "--json");
            assertThat(r.code()).as(r.err()).isZero();
            estimates.add(new ObjectMapper().readTree(r.out()));
        }
        estimates.add(chosen);
        for (JsonNode m : estimates) {
            String id = m.get("method").asText();
            assertThat(m.get("grid_log_z").asDouble()).isCloseTo(grid, org.assertj.core.data.Offset.offset(1e-9));
            if (List.of("is", "mis", "ais").contains(id)) {
                // proposals fitted to data points, no model samples: unbiased up to their standard errors
                assertThat(m.get("log_z").asDouble()).as(id).isCloseTo(grid, org.assertj.core.data.Offset.offset(
                        4 * m.get("stderr").asDouble() + 0.01));
            }
            if (id.equals("rais")) {
                assertThat(m.get("warnings").toString()).contains("heuristic");
            }
        }
    }
}
