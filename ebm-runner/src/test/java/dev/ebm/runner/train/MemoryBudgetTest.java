package dev.ebm.runner.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A spec that would allocate more memory than the process may use is refused before anything large is allocated,
 * naming the field and the estimated size; the plugins declare their own allocations.
 */
class MemoryBudgetTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "toy", "eight-gaussians-ml.yaml");

    private static ExperimentSpec example(String... sets) {
        return TinyRun.LOADER.load(EXAMPLE, List.of(sets));
    }

    @Test
    void aReplayBufferAMillionTimesTooLargeIsRefusedBeforeItIsAllocated() {
        long before = Pointer.physicalBytes();
        assertThatThrownBy(() -> Experiment.build(example("negatives.capacity=2000000000"), TinyRun.REGISTRY))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.path()).isEqualTo("negatives.capacity"))
                        .satisfies(p -> assertThat(p.message()).startsWith("would allocate about 32.0 GB "
                                + "(2000000000 samples × 2 values × 4 bytes × 2 (the buffer, and its copy while a "
                                + "checkpoint is written)), more than the ")
                                .contains("this process may use off-heap (org.bytedeco.javacpp.maxbytes)")));
        assertThat(Pointer.physicalBytes() - before).as("resident growth").isLessThan(500_000_000L);
    }

    @Test
    void theEnergysActivationsAndTheEvaluationGridAreCountedToo() {
        assertThatThrownBy(() -> Experiment.build(example("train.batch=100000000"), TinyRun.REGISTRY))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.path()).isEqualTo("energy");
                            assertThat(p.message()).startsWith("would allocate about 819.2 GB (200000000 rows "
                                    + "(train.batch + train.chains) × 256 hidden units × 4 bytes × 4");
                        }));
        assertThatThrownBy(() -> Experiment.build(example("train.evalGrid=1000000"), TinyRun.REGISTRY))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.path()).isEqualTo("train.evalGrid");
                            assertThat(p.message()).startsWith("would allocate about 48.0 TB (1000000 × 1000000 "
                                    + "grid points × 48 bytes").endsWith("this process may use on its heap (-Xmx)");
                        }));
    }

    @Test
    void allocationsThatFitOneByOneButNotTogetherAreRefusedNamingTheLargest() {
        List<MemoryBudget.Item> items = MemoryBudget.estimate(example("negatives.capacity=1000000"),
                TinyRun.REGISTRY, new long[] {2}, DataType.FLOAT, true);
        assertThat(items.get(0).path()).isEqualTo("negatives.capacity");
        assertThat(items.get(0).bytes()).isEqualTo(16_000_000L);
        assertThat(items).extracting(MemoryBudget.Item::path).contains("energy", "train.batch", "train.chains");
        new MemoryBudget(25_000_000L, "a test limit", 1L << 30).check(items);
        assertThatThrownBy(() -> new MemoryBudget(17_000_000L, "a test limit", 1L << 30).check(items))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.path()).isEqualTo("negatives.capacity"))
                        .satisfies(p -> assertThat(p.message()).contains("; with the other large allocations (")
                                .contains("the run needs about 20.9 MB")
                                .endsWith(", more than the 17.0 MB this process may use off-heap (a test limit)")));
    }

    @Test
    void theCommandLineRefusesItWithExitCode2AndLeavesNoRunDirectory(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        Cli.Result r = Cli.run("train", EXAMPLE.toString(), "--out", run.toString(),
                "--set", "negatives.capacity=2000000000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("negatives.capacity: would allocate about 32.0 GB").doesNotContain("\tat ");
        assertThat(Files.exists(run)).isFalse();
    }
}
