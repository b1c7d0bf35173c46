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
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.TransitionSpec;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plugins of one training run, built from a validated spec. Everything is created outside workspaces, so
 * parameters, optimizer moments and buffers live for the whole run.
 */
public final class Experiment {
    public final ExperimentSpec spec;
    public final DataType dtype;
    public final DataSource data;
    public final EnergyFunction energy;
    public final NegativeSource negatives;
    public final SamplerKernel kernel;
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
        List<dev.ebm.api.spec.SpecProblem> missing = spec.trainingProblems();
        if (!missing.isEmpty()) {
            throw new SpecException(missing);
        }
        if (spec.negatives() == null) {
            throw new SpecException("negatives", "is required for training; e.g. {type: replay-buffer} "
                    + "(persistent chains), {type: noise} (short-run) or {type: data} (CD-k)");
        }
        this.spec = spec;
        this.dtype = dtypeOf(spec);
        Nd4j.setDefaultDataTypes(dtype, dtype);
        Rng init = new Rng(spec.seed()).fork(-1);
        PluginContext bare = new PluginContext(dtype, new long[0], null, registry, init);
        this.data = registry.create(spec.data(), bare);
        this.context = new PluginContext(dtype, data.sampleShape(), data.bounds(), registry, init);
        this.energy = registry.create(spec.energy(), context);
        this.negatives = registry.create(spec.negatives(), context);
        this.kernel = registry.create(spec.sampler(), context);
        this.transitions = samplerTransitions(spec.sampler(), registry, context);
        Integer every = spec.sampler().transitionEvery();
        if (!transitions.isEmpty() && (every == null || every <= 0)) {
            throw new SpecException("sampler.transitionEvery", "must be > 0 with transitions, found " + every);
        }
        this.transitionEvery = transitions.isEmpty() ? 0 : every;
        this.terms = new ArrayList<>();
        ParameterSet all = energy.parameters();
        for (int i = 0; i < spec.objective().size(); i++) {
            ObjectiveSpec os = spec.objective().get(i);
            ObjectiveTerm t = registry.create(os, context);
            String name = registry.typeOf(os);
            terms.add(new Term(name, os.weight(), t));
            if (!t.parameters().isEmpty()) {
                all = all.concat("objective" + i + ".", t.parameters());
            }
        }
        this.trainable = all;
        this.optimizer = registry.create(spec.optimizer(), context);
    }

    /** Builds every plugin the spec names. */
    public static Experiment build(ExperimentSpec spec, PluginRegistry registry) {
        return new Experiment(spec, registry);
    }

    /** The transitions a sampler spec lists, built in order. */
    public static List<Transition> samplerTransitions(SamplerSpec sampler, PluginRegistry registry,
            PluginContext context) {
        List<Transition> out = new ArrayList<>();
        for (TransitionSpec ts : sampler.transitions()) {
            out.add(registry.create(ts, context));
        }
        return List.copyOf(out);
    }

    public static DataType dtypeOf(ExperimentSpec spec) {
        return "float64".equals(spec.dtype()) ? DataType.DOUBLE : DataType.FLOAT;
    }
}
