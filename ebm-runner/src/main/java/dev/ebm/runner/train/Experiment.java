package dev.ebm.runner.train;

import dev.ebm.api.DataSource;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.NegativeSource;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Optimizer;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginException;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.runner.explain.Explainer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plugins of one training run, built from a validated spec. A spec whose plugins' declared traits forbid it
 * (a term defined only for chains started at the data, with other chains; a term that replays sampler steps, with
 * a kernel that declares them not replayable) is refused before training. Everything is created outside
 * workspaces, so parameters, optimizer moments and buffers live for the whole run. Each objective term is
 * {@linkplain ObjectiveTerm#prepare prepared} here with {@code Rng(seed).fork(-3).fork(i)}, so a resumed run sees
 * the same preparation as a fresh one.
 */
public final class Experiment {
    public final ExperimentSpec spec;
    public final DataType dtype;
    public final DataSource data;
    public final EnergyFunction energy;
    /** Null when no term needs negative samples. */
    public final NegativeSource negatives;
    /** Null when no term needs negative samples. */
    public final SamplerKernel kernel;
    /** Whether any objective term reads negative samples; when not, no chains are run. */
    public final boolean needsNegatives;
    /** The sampler spec's transitions, applied to the chains after every {@link #transitionEvery}-th step. */
    public final List<Transition> transitions;
    /** 0 when there are no transitions. */
    public final int transitionEvery;
    public final List<Term> terms;
    public final Optimizer optimizer;
    public final ParameterSet trainable;
    public final PluginContext context;

    /** An objective term with its weight and a name for metrics. */
    public record Term(String name, double weight, ObjectiveTerm term) {}

    private Experiment(ExperimentSpec spec, PluginRegistry registry) {
        List<SpecProblem> missing = new ArrayList<>(spec.trainingProblems());
        if (missing.isEmpty()) {
            // what the plugins declare, before anything is built: CD terms need chains started at the data
            missing.addAll(new Explainer(registry).explain(spec).refusals());
        }
        if (!missing.isEmpty()) {
            throw new SpecException(missing);
        }
        this.spec = spec;
        this.dtype = dtypeOf(spec);
        Nd4j.setDefaultDataTypes(dtype, dtype);
        Rng init = initRng(spec);
        PluginContext bare = new PluginContext(dtype, new long[0], null, registry, init);
        this.data = create(registry, spec.data(), bare, "data");
        // before anything large is allocated: a spec that would not fit is refused naming the field
        MemoryBudget.checkRun(spec, registry, data, dtype);
        this.context = new PluginContext(dtype, data.sampleShape(), data.bounds(), registry, init);
        this.energy = energy(spec, registry, context);
        NegativeSource negs = spec.negatives() == null ? null : create(registry, spec.negatives(), context,
                "negatives");
        SamplerKernel k = spec.sampler() == null ? null : create(registry, spec.sampler(), context, "sampler");
        this.transitions = spec.sampler() == null ? List.of() : samplerTransitions(spec.sampler(), registry, context);
        Integer every = spec.sampler() == null ? null : spec.sampler().transitionEvery();
        if (!transitions.isEmpty() && (every == null || every <= 0)) {
            throw new SpecException("sampler.transitionEvery", "must be > 0 with transitions, found " + every);
        }
        this.transitionEvery = transitions.isEmpty() ? 0 : every;
        this.terms = new ArrayList<>();
        ParameterSet all = energy.parameters();
        List<String> needing = new ArrayList<>();
        for (int i = 0; i < spec.objective().size(); i++) {
            ObjectiveSpec os = spec.objective().get(i);
            ObjectiveTerm t = create(registry, os, context, "objective[" + i + "]");
            String name = registry.typeOf(os);
            terms.add(new Term(name, os.weight(), t));
            if (!t.parameters().isEmpty()) {
                all = all.concat("objective" + i + ".", t.parameters());
            }
            if (t.needsNegatives()) {
                needing.add(name);
            }
        }
        this.needsNegatives = !needing.isEmpty();
        if (needsNegatives) {
            Checks c = new Checks();
            c.check(negs != null, "negatives", "is required for training with " + needing + " (terms that need "
                    + "negative samples); known: " + registry.types(Kind.NEGATIVES));
            c.check(k != null, "sampler", "is required for training with " + needing + " (terms that need "
                    + "negative samples); known: " + registry.types(Kind.SAMPLER));
            c.done();
        }
        // no term reads negatives: no chains are run, so a negative source or sampler in the spec is left unused
        this.negatives = needsNegatives ? negs : null;
        this.kernel = needsNegatives ? k : null;
        List<SpecProblem> incompatible = new ArrayList<>();
        String samplerType = kernel == null ? null : registry.typeOf(spec.sampler());
        KernelTraits declared = kernel == null ? null : registry.kernelTraits(spec.sampler());
        for (int i = 0; kernel != null && i < terms.size(); i++) {
            for (String problem : terms.get(i).term().problemsWith(kernel, declared)) {
                incompatible.add(new SpecProblem("objective[" + i + "]", problem + " (found sampler.type: "
                        + samplerType + ")"));
            }
        }
        if (!incompatible.isEmpty()) {
            throw new SpecException(incompatible);
        }
        this.trainable = all;
        this.optimizer = create(registry, spec.optimizer(), context, "optimizer");
        Rng prep = new Rng(spec.seed()).fork(-3);
        for (int i = 0; i < terms.size(); i++) {
            terms.get(i).term().prepare(data, prep.fork(i));
        }
    }

    /**
     * The number of trailing sampler steps the chain runs must record for the objective terms that replay them (the
     * largest {@link ObjectiveTerm#replaySteps()}; 0 when no term replays).
     */
    public int replaySteps() {
        int max = 0;
        for (Term t : terms) {
            max = Math.max(max, t.term().replaySteps());
        }
        return max;
    }

    /** Builds every plugin the spec names. */
    public static Experiment build(ExperimentSpec spec, PluginRegistry registry) {
        return new Experiment(spec, registry);
    }

    /** The spec's energy for samples of the context's shape; spec problems are reported under {@code energy}. */
    public static EnergyFunction energy(ExperimentSpec spec, PluginRegistry registry, PluginContext context) {
        return create(registry, spec.energy(), context, "energy");
    }

    /**
     * Builds the plugin {@code spec} describes. What goes wrong is reported under {@code path}: the provider's spec
     * problems as they are, and any other failure with the plugin's kind, type id and own message
     * ({@link PluginException}), so the user reads what the plugin said.
     */
    public static <T> T create(PluginRegistry registry, Object spec, PluginContext context, String path) {
        try {
            return registry.create(spec, context);
        } catch (SpecException e) {
            throw e.under(path);
        } catch (PluginException e) {
            if (e.getCause() instanceof LinkageError) {
                throw e; // reported with the plugin's jar and the ebm-api versions involved (cli.CommandFailures)
            }
            throw new SpecException(path, e.getMessage());
        }
    }

    /** The transitions a sampler spec lists, built in order; a problem is reported under its list index. */
    public static List<Transition> samplerTransitions(SamplerSpec sampler, PluginRegistry registry,
            PluginContext context) {
        List<Transition> out = new ArrayList<>();
        for (TransitionSpec ts : sampler.transitions()) {
            out.add(create(registry, ts, context, "sampler.transitions[" + out.size() + "]"));
        }
        return List.copyOf(out);
    }

    /** The generator plugins are initialised with (network weights, data sets): stream −1 of the spec's seed. */
    public static Rng initRng(ExperimentSpec spec) {
        return new Rng(spec.seed()).fork(-1);
    }

    public static DataType dtypeOf(ExperimentSpec spec) {
        return "float64".equals(spec.dtype()) ? DataType.DOUBLE : DataType.FLOAT;
    }
}
