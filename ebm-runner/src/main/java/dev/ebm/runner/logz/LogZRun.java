package dev.ebm.runner.logz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.AnalyticDensity;
import dev.ebm.api.ChainRun;
import dev.ebm.api.Chains;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.api.ToyDensity;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.estimators.CountingEnergy;
import dev.ebm.estimators.LogZEstimate;
import dev.ebm.estimators.LogZSuite;
import dev.ebm.estimators.Samples;
import dev.ebm.estimators.SuiteOptions;
import dev.ebm.estimators.ais.AisOptions;
import dev.ebm.estimators.unified.Equivalence;
import dev.ebm.estimators.unified.Equivalences;
import dev.ebm.runner.eval.ToyEvaluation;
import dev.ebm.runner.sample.SampleSource;
import dev.ebm.runner.sample.SamplingSetup;
import dev.ebm.runner.spec.SpecLoader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One {@code bin/ebm logz}: resolves the source as {@code bin/ebm sample} does ({@link SampleSource},
 * {@link SamplingSetup}, the checkpoint's parameters), draws model samples — exact draws for an analytic energy,
 * otherwise the spec's sampler from its negative source, counted in energy evaluations — fits the proposals to data
 * points when the spec has data (else to model samples drawn apart), and runs the estimators of
 * {@link LogZSuite}. The reference it reports beside them: the exact log Z of an analytic energy, or the grid log Z
 * of a 2-D toy run ({@link ToyEvaluation}).
 *
 * <p>Randomness: stream −4 of the spec's seed, forked once per repetition.
 */
public final class LogZRun {
    /** The sampler used for model samples when the spec has none (an nce-only run). */
    public static final String DEFAULT_SAMPLER = "{type: mala, steps: 200, epsilon: 0.1, adapt: {warmup: 100}}";

    private final SpecLoader loader;
    private final PluginRegistry registry;
    private final PrintStream log;

    /** The estimates of every repetition, and the reference they are compared with. */
    public record Result(List<List<LogZEstimate>> repeats, Double truth, Double gridLogZ, String energy) {}

    public LogZRun(SpecLoader loader, PluginRegistry registry, PrintStream log) {
        this.loader = loader;
        this.registry = registry;
        this.log = log;
    }

    public Result run(SampleSource source, List<String> overrides, LogZOptions opt) {
        Prepared p = prepare(source, overrides, opt);
        LogZSuite suite = null;
        List<List<LogZEstimate>> repeats = new ArrayList<>();
        for (int r = 0; r < opt.repeats(); r++) {
            Rng rng = p.root.fork(r);
            boolean needsModel = opt.methods().stream().anyMatch(m -> List.of("ris", "bridge", "rlr", "rais")
                    .contains(m));
            Samples model = needsModel ? modelSamples(p.setup, p.energy, p.exact, opt.samples(), rng.split())
                    : p.fit;
            suite = suite == null ? p.suite(model) : suite.withModel(model);
            List<LogZEstimate> row = new ArrayList<>();
            for (String m : opt.methods()) {
                LogZEstimate e = suite.estimate(m, rng.fork(LogZSuite.METHODS.indexOf(m)));
                row.add(e);
                if (opt.repeats() > 1 || opt.methods().size() > 1) {
                    log.printf("  %s%s: log Z %.4f +- %.4f (%d evaluations)%n", m, opt.repeats() > 1 ? " #" + (r + 1)
                            : "", e.logZ(), e.stderr(), e.evaluations());
                }
            }
            repeats.add(row);
        }
        return new Result(repeats, p.truth, p.grid, p.energyType);
    }

    /**
     * The equivalences of the unified view ({@link Equivalences}) on the source's model samples (the first
     * repetition's) and the proposals fitted as for the estimates.
     */
    public EquivalenceResult equivalences(SampleSource source, List<String> overrides, LogZOptions opt) {
        Prepared p = prepare(source, overrides, opt);
        Rng rng = p.root.fork(0);
        Samples model = modelSamples(p.setup, p.energy, p.exact, opt.samples(), rng.split());
        LogZSuite suite = p.suite(model);
        List<Equivalence> rows = Equivalences.check(p.energy, p.setup.sampleShape, p.setup.dtype, model.x(),
                suite.proposals(rng.fork(LogZSuite.METHODS.size())), registry, rng.fork(-7));
        return new EquivalenceResult(rows, p.truth, p.grid, p.energyType, model.source());
    }

    /** The equivalences on one set of samples, and the reference log Z. */
    public record EquivalenceResult(List<Equivalence> rows, Double truth, Double gridLogZ, String energy,
            String samples) {}

    /** The loaded source, its counted energy, the reference and the samples the proposals are fitted to. */
    private final class Prepared {
        SamplingSetup setup;
        CountingEnergy energy;
        boolean exact;
        Double truth;
        Double grid;
        Rng root;
        Samples fit;
        SuiteOptions options;
        String energyType;

        LogZSuite suite(Samples model) {
            return new LogZSuite(energy, setup.sampleShape, setup.dtype, model, fit, options, registry);
        }
    }

    private Prepared prepare(SampleSource source, List<String> overrides, LogZOptions opt) {
        ExperimentSpec spec = withSampler(loader.load(source.spec(), overrides));
        Prepared p = new Prepared();
        p.setup = SamplingSetup.build(spec, registry);
        if (source.checkpoint() != null) {
            p.setup.load(source.checkpoint());
        } else if (!p.setup.energy.parameters().isEmpty()) {
            throw new SpecException("energy", "'" + registry.typeOf(spec.energy()) + "' has trainable parameters "
                    + "and no checkpoint to load them from: estimate log Z of a trained run (bin/ebm logz "
                    + "runs/NAME-...) or of an analytic energy");
        }
        p.energy = CountingEnergy.of(p.setup.energy);
        p.exact = p.setup.energy instanceof AnalyticDensity && !opt.mcmc();
        p.truth = p.setup.energy instanceof AnalyticDensity a ? a.logZ() : null;
        p.root = new Rng(p.setup.spec.seed()).fork(-4);
        if (p.setup.data instanceof ToyDensity toy && toy.bounds().dim() == 2) {
            p.grid = ToyEvaluation.evaluate(p.setup.energy, toy, p.setup.dtype, p.setup.spec.train().evalGrid(),
                    1000, p.root.fork(-1)).logZ();
        }
        p.options = new SuiteOptions(opt.proposals(), opt.samples(),
                new AisOptions(opt.temperatures(), 1, "sigmoid", 0.65), opt.aisChains(), opt.aisKernel());
        p.fit = fitSamples(p.setup, p.energy, p.exact, opt.samples(), p.root.fork(-2));
        p.energyType = registry.typeOf(spec.energy());
        return p;
    }

    /**
     * The {@code log_z_estimate} of a trained run's {@code eval.json}: the estimate of {@code method} (a list for
     * {@code all}) at the run's latest checkpoint, with the default options, as {@link #json} writes it.
     */
    public static com.fasterxml.jackson.databind.JsonNode forEval(SpecLoader loader, PluginRegistry registry,
            java.nio.file.Path runDir, String method, PrintStream out) {
        return forEval(loader, registry, SampleSource.resolve(runDir), List.of(), method, out);
    }

    /** As above for a run or checkpoint {@code src} read with the spec overrides {@code overrides}. */
    public static com.fasterxml.jackson.databind.JsonNode forEval(SpecLoader loader, PluginRegistry registry,
            SampleSource src, List<String> overrides, String method, PrintStream out) {
        LogZOptions opt = LogZOptions.defaults(LogZOptions.methods(method), 2000);
        Result r = new LogZRun(loader, registry, out).run(src, overrides, opt);
        var list = JsonNodeFactory.instance.arrayNode();
        for (LogZEstimate e : r.repeats().get(0)) {
            list.add(json(e, r.truth(), r.gridLogZ()));
            out.printf("eval: log Z by %s %.4f +- %.4f (%d energy evaluations)%n", e.method(), e.logZ(), e.stderr(),
                    e.evaluations());
        }
        return list.size() == 1 ? list.get(0) : list;
    }

    /** The spec with {@link #DEFAULT_SAMPLER} when it has no sampler. */
    private ExperimentSpec withSampler(ExperimentSpec spec) {
        if (spec.sampler() != null) {
            return spec;
        }
        SamplerSpec sampler;
        try {
            sampler = new SpecBinder(registry).bind(new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(DEFAULT_SAMPLER),
                    SamplerSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new ExperimentSpec(spec.name(), spec.seed(), spec.dtype(), spec.data(), spec.energy(),
                spec.negatives(), sampler, spec.objective(), spec.optimizer(), spec.train());
    }

    /** Data points when the spec has data; else exact draws; else MCMC samples. */
    private Samples fitSamples(SamplingSetup setup, CountingEnergy energy, boolean exact, int n, Rng rng) {
        if (setup.data != null) {
            return new Samples(setup.data.batch(n, rng, setup.dtype), true, 0, 0, "data points");
        }
        return modelSamples(setup, energy, exact, n, rng);
    }

    /** Exact draws, or the end points of n chains of the spec's sampler from its negative source. */
    static Samples modelSamples(SamplingSetup setup, CountingEnergy energy, boolean exact, int n, Rng rng) {
        if (exact) {
            return new Samples(((AnalyticDensity) setup.energy).sample(n, rng, setup.dtype), true, 0, 0,
                    "exact draws");
        }
        long e0 = energy.evaluations();
        long g0 = energy.gradients();
        INDArray batch = setup.data == null ? null : setup.data.batch(n, rng.split(), setup.dtype);
        INDArray x0 = setup.negatives.draw(n, batch, rng.split());
        ChainRun run = Chains.run(setup.kernel, Target.of(energy), x0, rng.split());
        return new Samples(run.end().x(), false, energy.evaluations() - e0, energy.gradients() - g0,
                "MCMC end points (" + setup.kernel.steps() + " steps)");
    }

    /** One estimate as JSON: method, log_z, stderr, evaluations, then the reference and the details. */
    public static ObjectNode json(LogZEstimate e, Double truth, Double grid) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("method", e.method());
        o.put("log_z", e.logZ());
        o.put("stderr", e.stderr());
        o.put("evaluations", e.evaluations());
        o.put("gradients", e.gradients());
        reference(o, e.logZ(), truth, grid);
        o.put("stderr_method", e.stderrMethod());
        o.put("setup", e.setup());
        ObjectNode d = o.putObject("diagnostics");
        e.diagnostics().forEach(d::put);
        var w = o.putArray("warnings");
        e.warnings().forEach(w::add);
        return o;
    }

    /** Estimates of one method over repetitions as JSON: means, spread and mean cost. */
    public static ObjectNode summary(List<LogZEstimate> reps, Double truth, Double grid) {
        int n = reps.size();
        double mean = 0;
        double ms = 0;
        double evals = 0;
        for (LogZEstimate e : reps) {
            mean += e.logZ() / n;
            ms += e.stderr() * e.stderr() / n;
            evals += (double) e.evaluations() / n;
        }
        double var = 0;
        for (LogZEstimate e : reps) {
            var += n > 1 ? (e.logZ() - mean) * (e.logZ() - mean) / (n - 1) : 0;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("method", reps.get(0).method());
        o.put("log_z", mean);
        o.put("stderr", Math.sqrt(ms));
        o.put("evaluations", Math.round(evals));
        o.put("repeats", n);
        o.put("sd", Math.sqrt(var));
        reference(o, mean, truth, grid);
        if (truth != null && n > 1) {
            o.put("z", (mean - truth) / (Math.sqrt(ms) / Math.sqrt(n)));
        }
        Map<String, Integer> warned = new LinkedHashMap<>();
        for (LogZEstimate e : reps) {
            for (String w : e.warnings()) {
                warned.merge(w.replaceAll("[0-9]+\\.[0-9]+", "#"), 1, Integer::sum);
            }
        }
        ObjectNode w = o.putObject("warnings");
        warned.forEach(w::put);
        o.put("setup", reps.get(0).setup());
        return o;
    }

    private static void reference(ObjectNode o, double logZ, Double truth, Double grid) {
        if (truth != null) {
            o.put("truth", truth);
            o.put("error", logZ - truth);
        }
        if (grid != null) {
            o.put("grid_log_z", grid);
            o.put("grid_difference", logZ - grid);
        }
    }
}
