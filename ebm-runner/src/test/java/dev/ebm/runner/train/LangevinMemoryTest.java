package dev.ebm.runner.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.ChainRun;
import dev.ebm.api.Chains;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J frees off-heap memory only when the garbage collector runs, so a sampler that allocates per step would grow
 * without bound. Ten thousand Langevin steps of the {@code mlp2d} workload (batch 256, MLP 2-128-128-1, swish), run
 * as training does (K = 20 steps per step workspace), must keep resident memory flat.
 */
class LangevinMemoryTest {

    @Test
    void tenThousandLangevinStepsKeepResidentMemoryFlat() throws IOException {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        PluginRegistry registry = PluginRegistry.load();
        ExperimentSpec spec = new SpecLoader(registry).parse("""
                energy: {type: mlp, hidden: [128, 128], activation: swish}
                sampler: {type: langevin, steps: 20, stepSize: 0.01, noise: 0.1}
                """, List.of());
        Rng rng = new Rng(5);
        PluginContext ctx = new PluginContext(DataType.FLOAT, new long[] {2}, null, registry, rng.split());
        EnergyFunction energy = registry.create(spec.energy(), ctx);
        SamplerKernel kernel = registry.create(spec.sampler(), ctx);
        INDArray chains = rng.split().normal(DataType.FLOAT, 256, 2);

        int rounds = 500; // x 20 steps
        long[] rss = new long[rounds + 1];
        long t0 = System.nanoTime();
        for (int r = 1; r <= rounds; r++) {
            try (MemoryWorkspace ws = StepWorkspace.open("memory-test")) {
                ChainRun run = Chains.run(kernel, Target.of(energy), chains, rng.fork(r));
                chains.assign(run.end().x());
            }
            // the Java heap grows lazily up to -Xmx and is bounded by it; what must stay flat is the rest
            rss[r] = residentBytes() - Runtime.getRuntime().totalMemory();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heapAfterGc = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long warm = rss[50]; // after 1,000 steps
        long peakLater = 0;
        for (int r = 50; r <= rounds; r++) {
            peakLater = Math.max(peakLater, rss[r]);
        }
        System.out.printf("mlp2d Langevin, %d steps in %.1f s (%.3f ms/step): resident memory outside the Java heap "
                + "%d MiB after 1,000 steps, %d MiB after 10,000, peak after warm-up %d MiB; Java heap in use after GC "
                + "%d MiB%n", rounds * 20, seconds, seconds * 1e3 / (rounds * 20), warm >> 20, rss[rounds] >> 20,
                peakLater >> 20, heapAfterGc >> 20);
        assertThat(chains.isInfinite().any() || chains.isNaN().any()).isFalse();
        assertThat(peakLater - warm).as("growth of resident memory outside the heap over 9,000 steps, bytes")
                .isLessThan(128L << 20); // a leak of one 256 x 128 float array per step would add 1.1 GiB
    }

    /** Resident set size of this process, from /proc (Linux). */
    static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
