package dev.ebm.runner.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.runner.Cli;
import dev.ebm.runner.io.FaultInjection;
import dev.ebm.runner.io.OutputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output directory that cannot be written, or a disk that fills up, stops the run with a clear message and
 * exit code 4, and leaves the checkpoints written before intact. Works as root too: the unwritable directory lies
 * under a regular file, and the full disk is injected ({@link FaultInjection}).
 */
class OutputFailureTest {

    @AfterEach
    void disarm() {
        System.clearProperty(FaultInjection.PROPERTY);
        FaultInjection.reset();
    }

    private static void arm(String fault) {
        FaultInjection.reset();
        System.setProperty(FaultInjection.PROPERTY, fault);
    }

    @Test
    void aFullDiskDuringACheckpointLeavesTheEarlierOnesIntactAndTheRunResumesExactly(@TempDir Path tmp)
            throws IOException {
        Path straight = tmp.resolve("straight");
        TinyRun.train(TinyRun.spec(), straight, false);

        Path run = tmp.resolve("run");
        arm("enospc:checkpoint.half-written@3");
        assertThatThrownBy(() -> TinyRun.train(TinyRun.spec(), run, false)).isInstanceOf(OutputException.class)
                .hasMessageStartingWith("cannot write checkpoint step-6 under " + run.resolve("checkpoints") + ": ")
                .hasMessageEndingWith(": No space left on device");
        disarm();
        Checkpoints cps = new Checkpoints(run, 3);
        assertThat(cps.list()).extracting(p -> p.getFileName().toString()).containsExactly("step-2", "step-4");
        cps.load(run.resolve("checkpoints/step-4"));
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary directory left")
                    .containsExactlyInAnyOrder("step-2", "step-4");
        }

        TinyRun.train(TinyRun.spec(), run, true);
        assertThat(TinyRun.files(run.resolve("checkpoints/step-8")))
                .usingRecursiveComparison().isEqualTo(TinyRun.files(straight.resolve("checkpoints/step-8")));
        assertThat(TinyRun.metricsWithoutTiming(run)).isEqualTo(TinyRun.metricsWithoutTiming(straight));
    }

    @Test
    void aFullDiskWhileLoggingStopsTheRun(@TempDir Path tmp) {
        arm("enospc:metrics.write@5");
        assertThatThrownBy(() -> TinyRun.train(TinyRun.spec(), tmp, false)).isInstanceOf(OutputException.class)
                .hasMessage("cannot write " + tmp.resolve("metrics.jsonl") + ": " + tmp.resolve("metrics.jsonl")
                        + ": No space left on device");
    }

    /** {@code bin/ebm ARGS} in this JVM. */
    static Cli.Result ebm(String... args) {
        return Cli.run(args);
    }

    @Test
    void anOutputDirectoryUnderARegularFileStopsWithExitCode4(@TempDir Path tmp) throws IOException {
        Path spec = Files.writeString(tmp.resolve("tiny.yaml"), TinyRun.SPEC);
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        Cli.Result r = ebm("train", spec.toString(), "--out", file.resolve("run").toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).startsWith("stopped: cannot prepare the run directory " + file.resolve("run") + ": ")
                .contains("Not a directory").contains("no checkpoint was written").doesNotContain("\tat ");
    }

    @Test
    void theCommandLineNamesTheIntactCheckpointWhenTheDiskFillsAndResumesAfterwards(@TempDir Path tmp)
            throws IOException {
        Path spec = Files.writeString(tmp.resolve("tiny.yaml"), TinyRun.SPEC);
        Path run = tmp.resolve("run");
        arm("enospc:checkpoint.before-manifest@2");
        Cli.Result r = ebm("train", spec.toString(), "--out", run.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("stopped: cannot write checkpoint step-4 under " + run.resolve("checkpoints"))
                .contains("No space left on device")
                .contains("the last checkpoint, " + run.resolve("checkpoints/step-2") + ", is intact (verified)")
                .doesNotContain("\tat ");
        disarm();
        Cli.Result resumed = ebm("train", spec.toString(), "--out", run.toString(), "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming from checkpoints/step-2 (step 2)");
        assertThat(run.resolve("eval.json")).isNotEmptyFile();
    }
}
