package dev.ebm.runner.cli;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.runner.bench.Bench;
import dev.ebm.runner.spec.SpecLoader;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/ebm bench --workload mlp2d|cnn28|all [--batch N] [--hidden H] [--clock wall|cpu] [--count-ops] [--json]}: the
 * workloads of the PyTorch comparison, optionally at another batch size or hidden width (named as the reference
 * names them, e.g. {@code mlp2d@b4096h512}).
 */
@Command(name = "bench", description = "Run a benchmark workload and print its timings (medians after warm-up).")
public final class BenchCommand implements Callable<Integer> {
    private final SpecLoader loader;
    private final PluginRegistry registry;

    @Option(names = "--workload", required = true, paramLabel = "W", description = "mlp2d, cnn28 or all")
    String workload;

    @Option(names = "--batch", paramLabel = "N", description = "Override the workload's batch size (names it W@bN).")
    Integer batch;

    @Option(names = "--hidden", paramLabel = "H", description = "Override mlp2d's hidden width (names it mlp2d@hH).")
    Integer hidden;

    @Option(names = "--clock", paramLabel = "C", defaultValue = "wall",
            description = "wall (elapsed time, default) or cpu (CPU time of the working thread; use with EBM_THREADS=1).")
    String clock;

    @Option(names = "--count-ops", description = "Also count the native calls of one Langevin step, train step and"
            + " KL backprop (ND4J ops, direct BLAS calls, fused Java kernels) and print them as native_calls.")
    boolean countOps;

    @Option(names = "--json", description = "Print one JSON line per workload with the PyTorch reference's fields.")
    boolean json;

    @Inject
    BenchCommand(SpecLoader loader, PluginRegistry registry) {
        this.loader = loader;
        this.registry = registry;
    }

    @Override
    public Integer call() {
        Bench.Clock c;
        try {
            c = Bench.Clock.valueOf(clock.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("--clock: unknown '" + clock + "'; known: [wall, cpu]");
            return 2;
        }
        return new Bench(loader, registry, c, countOps).run(workload, batch, hidden, json, System.out);
    }
}
