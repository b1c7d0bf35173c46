package dev.ebm.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Provider;
import dev.ebm.api.run.MetricsSink;
import dev.ebm.api.run.RunClock;
import dev.ebm.runner.train.MetricsLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each run's child injector: plugins inject the run's spec, directory, metrics sink, clock and logger; a test
 * replaces bindings with {@code Modules.override}; a plugin that injects what no run binds gets one readable error.
 */
class RunWiringTest {

    /** A clock that advances one second each time it is read. */
    static final class FakeClock implements RunClock {
        final AtomicLong reads = new AtomicLong();

        @Override
        public long nanoTime() {
            return reads.incrementAndGet() * 1_000_000_000L;
        }

        @Override
        public Instant now() {
            return Instant.EPOCH.plusSeconds(reads.get());
        }
    }

    /** A metrics sink that keeps everything in memory. */
    static final class MemorySink implements MetricsSink {
        final Map<String, List<Double>> values = new ConcurrentHashMap<>();

        @Override
        public void record(String name, double value) {
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    static RunnerWiring wiring() {
        List<Provider<?, ?>> all = new ArrayList<>();
        PluginRegistry builtins = PluginRegistry.load();
        for (Kind k : Kind.values()) {
            all.addAll(builtins.providers(k).values());
        }
        all.add(new ProbeProvider(false));
        all.add(new ProbeProvider(true));
        return new RunnerWiring(PluginRegistry.of(all));
    }

    static String[] train(Path tmp, String term, Path out) throws IOException {
        Path spec = tmp.resolve(term + ".yaml");
        Files.writeString(spec, "name: wired\nseed: 7\ndata: {type: eight-gaussians}\n"
                + "energy: {type: mlp, hidden: [8]}\nnegatives: {type: noise}\n"
                + "sampler: {type: langevin, steps: 2, epsilon: 0.1}\n"
                + "objective: [{type: " + term + "}]\noptimizer: {type: adam, lr: 0.001}\n"
                + "train: {steps: 3, batch: 16, logEvery: 1, evalGrid: 20, evalPoints: 200}\n");
        return new String[] {"train", spec.toString(), "--out", out.toString()};
    }

    static int run(RunnerWiring wiring, String[] args, ByteArrayOutputStream err) {
        PrintStream oldErr = System.err;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return Main.execute(wiring, args);
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void aPluginInjectsTheRunsSpecDirectorySinkClockAndLogger(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(wiring(), train(tmp, "probe", out), err)).as(err.toString()).isZero();
        ProbeTerm t = ProbeTerm.last;
        assertThat(t.spec.name()).isEqualTo("wired");
        assertThat(t.spec.seed()).isEqualTo(7L);
        assertThat(t.dir.path()).isEqualTo(out);
        assertThat(t.log.getName()).isEqualTo("ebm.plugins");
        List<JsonNode> lines = MetricsLog.read(out.resolve("metrics.jsonl"));
        assertThat(lines).extracting(l -> l.path("probe_calls").asDouble()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void aTestOverridesTheClockAndTheMetricsSinkWithModulesOverride(@TempDir Path tmp) throws IOException {
        FakeClock clock = new FakeClock();
        MemorySink sink = new MemorySink();
        RunnerWiring wiring = wiring().overridingRuns(new AbstractModule() {
            @Override
            protected void configure() {
                bind(RunClock.class).toInstance(clock);
                bind(MetricsSink.class).toInstance(sink);
            }
        });
        Path out = tmp.resolve("run");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(wiring, train(tmp, "probe", out), err)).as(err.toString()).isZero();
        List<JsonNode> lines = MetricsLog.read(out.resolve("metrics.jsonl"));
        // the trainer reads the clock once at the start and once per step; the term reads it once per step
        assertThat(lines).extracting(l -> l.path("wall_s").asDouble()).containsExactly(2.0, 4.0, 6.0);
        assertThat(sink.values.get("probe_calls")).containsExactly(1.0, 2.0, 3.0);
        assertThat(sink.values.get("probe_clock_s")).containsExactly(2.0, 4.0, 6.0);
        assertThat(lines).allSatisfy(l -> assertThat(l.has("probe_calls")).isFalse());
    }

    @Test
    void aPluginThatInjectsWhatNoRunBindsGetsOneReadableError(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(wiring(), train(tmp, "needs-unbound", tmp.resolve("run")), err);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(text.strip()).startsWith("objective 'needs-unbound' (").endsWith(") cannot be wired: it "
                + "injects ProbeProvider$Unbound, which the runner does not provide here; a plugin may inject "
                + "ExperimentSpec, RunDirectory (train and sample runs), MetricsSink, RunClock, System.Logger")
                .doesNotContain("\n");
    }
}
