package dev.ebm.runner.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.runner.io.FaultInjection;
import dev.ebm.runner.sweep.ChildLauncher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run in a child JVM is killed again and again, by SIGKILL from outside at random moments and by halts
 * inside the checkpoint writer ({@link FaultInjection}); each time it resumes with {@code --resume}.
 * Every checkpoint left after a kill verifies (none is torn), and the final checkpoint (parameters, optimizer and
 * negative-source state), every metrics line and {@code eval.json}, timing fields aside, equal those of an
 * uninterrupted run bit for bit.
 */
class KillResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = TinyRun.SPEC.replace("train: {steps: 8,", "train: {steps: 24,")
            .replace("checkpointEvery: 2,", "checkpointEvery: 3,");
    /** The interruptions, in order; "kill" is SIGKILL at a random moment, the others halt at a writer's point. */
    private static final List<String> SCHEDULE = List.of("kill", "halt:checkpoint.half-written",
            "halt:checkpoint.torn-file", "kill", "halt:checkpoint.before-rename", "halt:checkpoint.pruning");

    @Test
    void aRunKilledAtRandomMomentsAndInsideItsWritersEndsBitForBitAsAnUninterruptedOne(@TempDir Path tmp)
            throws Exception {
        Path spec = Files.writeString(tmp.resolve("tiny.yaml"), SPEC);
        Path straight = tmp.resolve("straight");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new TrainRun(TinyRun.LOADER, TinyRun.REGISTRY, quiet).run(TinyRun.LOADER.load(spec, List.of()), straight,
                false, false, List.of(), step -> {});

        Path run = tmp.resolve("run");
        Random random = new Random(20261207L);
        List<String> happened = new ArrayList<>();
        int attempt = 0;
        for (String interruption : SCHEDULE) {
            String fault = interruption.equals("kill") ? null : interruption + "@" + (1 + random.nextInt(2));
            long t0 = System.nanoTime();
            Process p = child(spec, run, fault, tmp.resolve("attempt-" + attempt++ + ".log"));
            int code;
            if (fault == null) {
                awaitProgress(p, run);
                Thread.sleep(random.nextInt(400));
                p.destroyForcibly();
                code = p.waitFor();
            } else {
                code = waitFor(p);
            }
            happened.add(interruption + (fault == null ? "" : fault.substring(fault.indexOf('@'))) + " -> " + code
                    + String.format(" (%.1f s)", (System.nanoTime() - t0) / 1e9));
            assertThat(code).as("attempt %d (%s): %s", attempt, interruption, log(tmp, attempt))
                    .isIn(0, 137, FaultInjection.HALT_STATUS);
            // whatever the moment of the kill, every checkpoint in place verifies
            Checkpoints cps = new Checkpoints(run, 3);
            for (Path cp : cps.list()) {
                cps.load(cp);
            }
        }
        Process last = child(spec, run, null, tmp.resolve("attempt-last.log"));
        assertThat(waitFor(last)).as("the last resume: %s", Files.readString(tmp.resolve("attempt-last.log")))
                .isZero();

        System.out.println("interruptions: " + happened);
        assertThat(happened).as("the interruptions")
                .anyMatch(h -> h.contains("-> " + FaultInjection.HALT_STATUS + " "));
        assertThat(TinyRun.files(run.resolve("checkpoints/step-24")))
                .as("final checkpoint after %s", happened)
                .usingRecursiveComparison().isEqualTo(TinyRun.files(straight.resolve("checkpoints/step-24")));
        assertThat(TinyRun.metricsWithoutTiming(run)).hasSize(24)
                .isEqualTo(TinyRun.metricsWithoutTiming(straight));
        assertThat(evalWithoutTiming(run)).isEqualTo(evalWithoutTiming(straight));
    }

    private static String log(Path tmp, int attempt) throws IOException {
        Path f = tmp.resolve("attempt-" + (attempt - 1) + ".log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private static ObjectNode evalWithoutTiming(Path run) throws IOException {
        ObjectNode eval = (ObjectNode) JSON.readTree(run.resolve("eval.json").toFile());
        eval.remove(List.of("train_wall_s", "train_cpu_s"));
        return eval;
    }

    /** Waits until the child has trained at least one more step than the metrics held when it started. */
    private static void awaitProgress(Process p, Path run) throws Exception {
        Path metrics = run.resolve("metrics.jsonl");
        long before = Files.exists(metrics) ? Files.size(metrics) : 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(metrics) && Files.size(metrics) != before) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static int waitFor(Process p) throws InterruptedException {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 180 s");
        }
        return p.exitValue();
    }

    /**
     * {@code bin/ebm train SPEC --out RUN --resume} in a child JVM on this JVM's paths, started as the sweep starts its
     * children ({@link ChildLauncher#currentJvm}: the Vector API included, without which the fused kernels are off and
     * the child computes other bits).
     */
    private static Process child(Path spec, Path run, String fault, Path log) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dorg.bytedeco.javacpp.maxbytes=2G",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=3G"));
        if (fault != null) {
            options.add("-D" + FaultInjection.PROPERTY + "=" + fault);
        }
        List<String> cmd = new ArrayList<>(ChildLauncher.currentJvm(options).prefix());
        cmd.addAll(List.of("train", spec.toString(), "--out", run.toString(), "--resume"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
