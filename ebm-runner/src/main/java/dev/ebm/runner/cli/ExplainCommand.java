package dev.ebm.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.explain.Explainer;
import dev.ebm.runner.spec.SpecLoader;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/ebm explain SPEC [--set k=v]... [--json]}: which objective a spec really optimises, and why. */
@Command(name = "explain", description = "Say which objective a spec optimises (ML, CD-k, persistent CD, ...), "
        + "why, and which pitfalls it has.")
public final class ExplainCommand implements Callable<Integer> {
    private final SpecLoader loader;
    private final PluginRegistry registry;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A YAML or JSON spec file.")
    Path spec;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a spec field, e.g. negatives.type=data.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--json", description = "Print the explanation as JSON.")
    boolean json;

    @Inject
    ExplainCommand(SpecLoader loader, PluginRegistry registry) {
        this.loader = loader;
        this.registry = registry;
    }

    @Override
    public Integer call() {
        Explainer.Explanation ex;
        try {
            ExperimentSpec s = loader.load(spec, sets);
            ex = new Explainer(registry).explain(s);
        } catch (SpecException e) {
            System.err.println(spec + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (json) {
            System.out.println(toJson(ex));
        } else {
            print(ex, System.out);
        }
        return 0;
    }

    /** The JSON form: objective, code, chains, reasons, warnings [{code, message}], temperature, refused_by_train. */
    public static String toJson(Explainer.Explanation ex) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("objective", ex.objective());
        o.put("code", ex.code());
        o.put("chains", ex.chains().code());
        ArrayNode reasons = o.putArray("reasons");
        ex.reasons().forEach(reasons::add);
        ArrayNode warnings = o.putArray("warnings");
        ex.warnings().forEach(w -> warnings.addObject().put("code", w.code()).put("message", w.message()));
        if (ex.temperature() == null) {
            o.putNull("temperature");
        } else {
            o.put("temperature", ex.temperature());
        }
        ArrayNode refused = o.putArray("refused_by_train");
        ex.refusals().forEach(p -> refused.add(p.toString()));
        try {
            return m.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-words form. */
    public static void print(Explainer.Explanation ex, PrintStream out) {
        out.println("Objective: " + ex.objective() + " [" + ex.code() + "]");
        out.println("Chains:    " + ex.chains().words());
        if (ex.temperature() != null) {
            out.println("Sampler temperature: T = " + ex.temperature());
        }
        out.println();
        out.println("Why:");
        ex.reasons().forEach(r -> out.println("  - " + r));
        if (!ex.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            ex.warnings().forEach(w -> out.println("  ! [" + w.code() + "] " + w.message()));
        }
        if (!ex.refusals().isEmpty()) {
            out.println();
            out.println("bin/ebm train refuses this spec:");
            ex.refusals().forEach(p -> out.println("  " + p));
        }
    }
}
