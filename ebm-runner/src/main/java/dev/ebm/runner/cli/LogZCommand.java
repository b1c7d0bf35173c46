package dev.ebm.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.SpecException;
import dev.ebm.estimators.LogZEstimate;
import dev.ebm.estimators.ProposalChoice;
import dev.ebm.runner.logz.LogZOptions;
import dev.ebm.runner.logz.LogZRun;
import dev.ebm.runner.sample.SampleSource;
import dev.ebm.runner.spec.SpecLoader;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/ebm logz SOURCE --method is|ris|mis|bridge|rlr|ais|rais|all [--samples N] [--json] ...}: estimates of
 * log Z with their standard errors and costs (docs/ESTIMATORS.md).
 */
@Command(name = "logz", description = {
    "Estimate log Z = log of the integral of exp(-E) with a standard error and its cost in energy evaluations.",
    "SOURCE is resolved as by 'sample': a spec with an analytic energy (gaussian, gaussian-mixture: the exact log Z "
        + "is printed beside the estimates), a run directory (its latest checkpoint; for 2-D toy data the grid "
        + "log Z is printed beside them) or a checkpoint directory.",
    "Methods: is (importance sampling), ris (reverse IS, the harmonic mean), mis (multiple IS, balance heuristic), "
        + "bridge (optimal bridge), rlr (reverse logistic regression), ais / rais (annealed IS forward: a lower "
        + "bound in expectation; reverse: an upper bound from exact samples, heuristic from MCMC), all."})
public final class LogZCommand implements Callable<Integer> {
    private final SpecLoader loader;
    private final PluginRegistry registry;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "A spec file, a run directory or a checkpoint.")
    Path source;

    @Option(names = "--method", paramLabel = "M", defaultValue = "all",
            description = "is, ris, mis, bridge, rlr, ais, rais, a comma-separated list of them, or all (default "
                    + "${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000", description = "Model samples, proposal "
            + "draws and samples the proposals are fitted to (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--proposal", paramLabel = "P", description = "A fitted proposal: gaussian, gaussian*S (std "
            + "times S), mixture:K or mixture:K*S; repeat for several (mis and rlr use all, the others the first). "
            + "Default: gaussian and gaussian*1.5.")
    List<String> proposals = new ArrayList<>();

    @Option(names = "--chains", paramLabel = "N", defaultValue = "200",
            description = "AIS chains (default ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--temperatures", paramLabel = "K", defaultValue = "200",
            description = "AIS temperatures (default ${DEFAULT-VALUE}).")
    int temperatures;

    @Option(names = "--ais-kernel", paramLabel = "SPEC", description = "The AIS transition as a YAML/JSON sampler "
            + "spec, e.g. '{type: mala, steps: 1, epsilon: 0.2}' (default: HMC with 5 leapfrog steps scaled to the "
            + "base, step size adapted toward acceptance 0.65).")
    String aisKernel;

    @Option(names = "--mcmc", description = "Draw model samples with the spec's sampler even when the energy can be "
            + "sampled exactly (reverse AIS is then labelled heuristic).")
    boolean mcmc;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "1", description = "Independent repetitions; with "
            + "R > 1 each method is summarised by its mean, spread (sd) and mean reported stderr.")
    int repeat;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a spec field, e.g. seed=3.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--equivalence", description = "Instead of estimates, check the unified view's equivalences on "
            + "one set of samples: two-sample RLR = optimal bridge, the bridge's limits IS and reverse IS, the nce "
            + "term's log Z at a fixed shape = optimal bridge, Vardi's RLR = MIS balance heuristic, multi-sample RLR "
            + "= bridge against the balance mixture.")
    boolean equivalence;

    @Option(names = "--json", description = "Print {\"method\", \"log_z\", \"stderr\", \"evaluations\", ...} (a list "
            + "for several methods).")
    boolean json;

    @Inject
    LogZCommand(SpecLoader loader, PluginRegistry registry) {
        this.loader = loader;
        this.registry = registry;
    }

    @Override
    public Integer call() {
        SampleSource src;
        LogZOptions opt;
        try {
            src = SampleSource.resolve(source);
            List<ProposalChoice> ps = new ArrayList<>();
            for (String p : proposals) {
                ps.add(ProposalChoice.parse(p));
            }
            LogZOptions d = LogZOptions.defaults(LogZOptions.methods(method), samples);
            JsonNode kernel = aisKernel == null ? null : new ObjectMapper(new YAMLFactory()).readTree(aisKernel);
            List<String> bad = new ArrayList<>();
            if (samples < 10) {
                bad.add("--samples must be >= 10, found " + samples);
            }
            if (chains < 2 || temperatures < 1 || repeat < 1) {
                bad.add("--chains must be >= 2, --temperatures >= 1 and --repeat >= 1, found " + chains + ", "
                        + temperatures + ", " + repeat);
            }
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", bad));
            }
            opt = new LogZOptions(d.methods(), samples, ps.isEmpty() ? d.proposals() : ps, chains, temperatures,
                    kernel, mcmc, repeat);
        } catch (SampleSource.InvalidSourceException | IllegalArgumentException e) {
            System.err.println("logz: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            System.err.println("logz: --ais-kernel: cannot parse '" + aisKernel + "': " + e.getOriginalMessage());
            return ExitCodes.BAD_INPUT;
        }
        PrintStream log = json ? System.err : System.out;
        if (equivalence) {
            return equivalences(src, opt, log);
        }
        LogZRun.Result r;
        try {
            r = new LogZRun(loader, registry, log).run(src, sets, opt);
        } catch (SpecException e) {
            System.err.println(src.spec() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println("logz: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (json) {
            System.out.println(toJson(r, opt));
        } else {
            System.out.print(table(r, opt));
        }
        return 0;
    }

    private int equivalences(SampleSource src, LogZOptions opt, PrintStream log) {
        LogZRun.EquivalenceResult r;
        try {
            r = new LogZRun(loader, registry, log).equivalences(src, sets, opt);
        } catch (SpecException e) {
            System.err.println(src.spec() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println("logz: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        System.out.print(json ? EquivalenceOutput.json(r) : EquivalenceOutput.table(r));
        return 0;
    }

    /** One object for one method and one repetition, else a list (of summaries over repetitions). */
    static String toJson(LogZRun.Result r, LogZOptions opt) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int m = 0; m < opt.methods().size(); m++) {
            List<LogZEstimate> reps = new ArrayList<>();
            for (List<LogZEstimate> row : r.repeats()) {
                reps.add(row.get(m));
            }
            list.add(reps.size() == 1 ? LogZRun.json(reps.get(0), r.truth(), r.gridLogZ())
                    : LogZRun.summary(reps, r.truth(), r.gridLogZ()));
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(list.size() == 1 && opt.methods().size() == 1 ? list.get(0) : list);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text table: one line per method, the reference, then warnings. */
    static String table(LogZRun.Result r, LogZOptions opt) {
        StringBuilder sb = new StringBuilder();
        String ref = r.truth() != null ? String.format(Locale.ROOT, "exact log Z %.4f", r.truth())
                : r.gridLogZ() != null ? String.format(Locale.ROOT, "grid log Z %.4f", r.gridLogZ()) : null;
        sb.append("log Z of the ").append(r.energy()).append(" energy").append(ref == null ? "" : " (" + ref + ")")
                .append(opt.repeats() > 1 ? ", " + opt.repeats() + " repetitions" : "").append('\n');
        boolean many = opt.repeats() > 1;
        sb.append(String.format(Locale.ROOT, "%-7s %11s %9s %9s %13s%s%n", "method", "log Z", "stderr",
                many ? "sd" : "", "evaluations", ref == null ? "" : "   difference"));
        List<String> notes = new ArrayList<>();
        for (int m = 0; m < opt.methods().size(); m++) {
            List<LogZEstimate> reps = new ArrayList<>();
            for (List<LogZEstimate> row : r.repeats()) {
                reps.add(row.get(m));
            }
            JsonNode s = LogZRun.summary(reps, r.truth(), r.gridLogZ());
            double diff = s.has("error") ? s.get("error").asDouble() : s.has("grid_difference")
                    ? s.get("grid_difference").asDouble() : Double.NaN;
            sb.append(String.format(Locale.ROOT, "%-7s %11.4f %9.4f %9s %13d%s%n", s.get("method").asText(),
                    s.get("log_z").asDouble(), s.get("stderr").asDouble(), many ? String.format(Locale.ROOT,
                            "%.4f", s.get("sd").asDouble()) : "", s.get("evaluations").asLong(),
                    Double.isNaN(diff) ? "" : String.format(Locale.ROOT, "   %+.4f", diff)));
            s.get("warnings").fieldNames().forEachRemaining(w -> notes.add(s.get("method").asText() + ": " + w
                    + (many ? " (" + s.get("warnings").get(w).asInt() + "/" + reps.size() + ")" : "")));
        }
        for (String n : notes) {
            sb.append("  ! ").append(n).append('\n');
        }
        return sb.toString();
    }
}
