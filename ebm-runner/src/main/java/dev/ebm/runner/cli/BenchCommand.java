package dev.ebm.runner.cli;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.runner.bench.Bench;
import dev.ebm.runner.spec.SpecLoader;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/ebm bench --workload mlp2d|cnn28|all [--json]}: the workloads of the PyTorch comparison. */
@Command(name = "bench", description = "Run a benchmark workload and print its timings (medians after warm-up).")
public final class BenchCommand implements Callable<Integer> {
    private final SpecLoader loader;
    private final PluginRegistry registry;

    @Option(names = "--workload", required = true, paramLabel = "W", description = "mlp2d, cnn28 or all")
    String workload;

    @Option(names = "--json", description = "Print one JSON line per workload with the PyTorch reference's fields.")
    boolean json;

    @Inject
    BenchCommand(SpecLoader loader, PluginRegistry registry) {
        this.loader = loader;
        this.registry = registry;
    }

    @Override
    public Integer call() {
        return new Bench(loader, registry).run(workload, json, System.out);
    }
}
