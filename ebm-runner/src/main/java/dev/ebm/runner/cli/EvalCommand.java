package dev.ebm.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.eval.EvalRun;
import dev.ebm.runner.sample.SampleSource;
import dev.ebm.runner.spec.SpecLoader;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/ebm eval SOURCE [--set k=v]... [--out FILE]}. */
@Command(name = "eval", description = {
    "Recompute eval.json of a trained run without training: the run's spec.resolved.yaml, the parameters of a "
        + "checkpoint, and the evaluation training ends with.",
    "SOURCE is a run directory (its latest checkpoint; writes RUN/eval.json and RUN/plots) or a checkpoint "
        + "directory RUN/checkpoints/step-N (writes RUN/eval/step-N/eval.json and plots beside it). The file "
        + "records the checkpoint's step; it is also printed."})
public final class EvalCommand implements Callable<Integer> {
    private final SpecLoader loader;
    private final PluginRegistry registry;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "A run directory or a checkpoint directory.")
    Path source;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field of the run's spec, e.g. "
            + "train.evalGrid=500 or train.evalPoints=100000.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the evaluation (plots go to plots/ "
            + "beside it).")
    Path out;

    @Inject
    EvalCommand(SpecLoader loader, PluginRegistry registry) {
        this.loader = loader;
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        SampleSource src;
        try {
            src = SampleSource.resolve(source);
        } catch (SampleSource.InvalidSourceException e) {
            System.err.println("eval: " + e.getMessage().replace("SOURCE must be a spec file (YAML or JSON), a",
                    "SOURCE must be a"));
            return ExitCodes.BAD_INPUT;
        }
        try {
            EvalRun.requireCheckpoint(src);
            Path file = out != null ? out : EvalRun.defaultOut(src);
            ObjectNode eval = new EvalRun(loader, registry, System.out).run(src, sets, file);
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(eval));
            System.out.println("wrote " + file);
            return 0;
        } catch (SpecException e) {
            System.err.println(src.spec() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println("eval: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
