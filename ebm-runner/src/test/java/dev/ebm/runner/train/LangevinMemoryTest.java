package dev.ebm.runner.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.runner.sweep.ChildLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ND4J frees off-heap memory only when the garbage collector runs, so a training loop that allocates per step
 * outside its workspaces, or keeps what it allocated, grows without bound. A child JVM with the launcher's shipped
 * options ({@link ChildLauncher#DEFAULT_JVM_OPTIONS}: the heap size decides how often the collector runs; the heap
 * committed and touched from the start, so that its bounded growth up to {@code -Xmx} does not count) trains the
 * {@code mlp2d} workload (batch 256, MLP 2-128-128-1, swish, K = 20 Langevin steps per training step) for 500
 * steps, 10,000 Langevin steps; its resident memory, sampled from outside, must stay flat after the first 50.
 *
 * <p>Measured from outside and in a process of its own: inside the test JVM the resident size depends on what the
 * tests before it left in the heap, and subtracting the heap's committed size does not remove the pages the heap
 * touches later.
 */
class LangevinMemoryTest {
    private static final String SPEC = """
            name: memory
            seed: 5
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [128, 128], activation: swish}
            negatives: {type: replay-buffer, capacity: 10000, reinit: 0.05}
            sampler: {type: langevin, steps: 20, stepSize: 0.01, noise: 0.1}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 0.1}
            optimizer: {type: adam, lr: 1.0e-3, betas: [0.0, 0.999]}
            train: {steps: 500, batch: 256, logEvery: 1, checkpointEvery: 500, sampleEvery: 100000, evalGrid: 20,
                    evalPoints: 200}
            """;

    @Test
    void tenThousandLangevinStepsOfTrainingKeepResidentMemoryFlat(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("memory.yaml"), SPEC);
        Path run = tmp.resolve("run");
        // the options of the launcher's train, with the heap committed and touched at start: the heap's own growth
        // up to -Xmx is bounded and not what this test looks for
        List<String> options = new ArrayList<>(ChildLauncher.DEFAULT_JVM_OPTIONS);
        options.addAll(List.of("-Xms512m", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC"));
        List<String> cmd = new ArrayList<>(ChildLauncher.currentJvm(options).prefix());
        cmd.addAll(List.of("train", spec.toString(), "--out", run.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("EBM_THREADS", "1");
        Process p = pb.start();

        Path metrics = run.resolve("metrics.jsonl");
        long[] rssAt = new long[501]; // resident bytes first seen with that many steps done
        long peakTraining = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        int steps = 0;
        while (p.isAlive() && steps < 500 && System.nanoTime() < deadline) {
            long rss = residentBytes(p.pid());
            steps = Files.exists(metrics) ? lines(metrics) : 0;
            if (steps > 0 && rssAt[steps] == 0) {
                rssAt[steps] = rss;
            }
            peakTraining = Math.max(peakTraining, steps >= 50 ? rss : 0);
            Thread.sleep(50);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        String log = Files.readString(tmp.resolve("child.log"));
        assertThat(p.exitValue()).as("the training child: %s", log).isZero();
        long at50 = firstSeenFrom(rssAt, 50);
        long atEnd = firstSeenFrom(rssAt, 490);
        System.out.printf("mlp2d training, 500 steps x 20 Langevin steps, launcher heap (pre-touched): resident %d MiB after 50 "
                + "steps, %d MiB near step 500, peak from step 50 on %d MiB%n", at50 >> 20, atEnd >> 20,
                peakTraining >> 20);
        assertThat(at50).as("a resident size sampled after step 50").isPositive();
        // measured: about 30 MiB (allocator and JIT); a leak of one 256 x 128 float array per Langevin step adds 1.1 GiB
        assertThat(peakTraining - at50).as("growth of resident memory from step 50 to step 500, bytes")
                .isLessThan(96L << 20);
    }

    private static long firstSeenFrom(long[] rssAt, int step) {
        for (int s = step; s < rssAt.length; s++) {
            if (rssAt[s] > 0) {
                return rssAt[s];
            }
        }
        return 0;
    }

    private static int lines(Path f) throws IOException {
        try (var in = Files.lines(f)) {
            return (int) Math.min(500, in.count());
        }
    }

    /** Resident set size of a process, from /proc (Linux); 0 once it has exited. */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
