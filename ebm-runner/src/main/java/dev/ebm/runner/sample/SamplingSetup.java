package dev.ebm.runner.sample;

import dev.ebm.api.DataSource;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.train.Checkpoints;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plugins sampling needs, built from a spec that has at least an energy and a sampler: the data source (only
 * when the spec has data), the energy, the negative source the chains start from, the sampler kernel and the
 * sampler's transitions. Data,
 * objective and optimizer are not required. Without data, the energy must define the sample shape itself (the
 * analytic energies do). Without {@code negatives}, chains start from Gaussian noise with std 1 (the runner's own
 * default, {@link GaussianStart}). A plugin that fails to build is reported under its spec path with its type id
 * and its own message.
 */
public final class SamplingSetup {
    /** The spec sampled. */
    public final ExperimentSpec spec;
    public final DataType dtype;
    /** The data source, or null for specs without data. */
    public final DataSource data;
    public final EnergyFunction energy;
    public final NegativeSource negatives;
    /** How the chains start, for logs and info.json: the negative source's type id, or the default's words. */
    public final String negativesName;
    public final SamplerKernel kernel;
    /** The shape of one sample, from the data or else from the energy. */
    public final long[] sampleShape;
    /** The sampler spec's transitions, applied to the chains after every {@link #transitionEvery}-th step. */
    public final List<Transition> transitions;
    /** 0 when there are no transitions. */
    public final int transitionEvery;

    private SamplingSetup(ExperimentSpec spec, PluginRegistry registry) {
        var missing = spec.samplingProblems();
        if (!missing.isEmpty()) {
            throw new SpecException(missing);
        }
        this.spec = spec;
        this.dtype = Experiment.dtypeOf(spec);
        Nd4j.setDefaultDataTypes(dtype, dtype);
        Rng init = Experiment.initRng(spec);
        PluginContext bare = new PluginContext(dtype, new long[0], null, registry, init);
        this.data = spec.data() == null ? null : Experiment.create(registry, spec.data(), bare, "data");
        PluginContext context;
        if (data != null) {
            context = new PluginContext(dtype, data.sampleShape(), data.bounds(), registry, init);
            this.energy = Experiment.energy(spec, registry, context);
            this.sampleShape = data.sampleShape().clone();
        } else {
            String type = registry.typeOf(spec.energy());
            EnergyFunction e;
            try {
                e = Experiment.energy(spec, registry, bare);
            } catch (SpecException ex) {
                List<SpecProblem> problems = new ArrayList<>(ex.problems());
                problems.add(new SpecProblem("data", "is required to sample the '" + type + "' energy unless it "
                        + "defines its own sample shape: built without data, it failed (above)"));
                throw new SpecException(problems);
            }
            if (e.sampleShape() == null) {
                throw new SpecException("data", "is required to sample the '" + type + "' energy, whose input shape "
                        + "comes from the data; energies that define their own sample shape (the analytic ones) "
                        + "need none, and a trained network is sampled from its run directory");
            }
            this.energy = e;
            this.sampleShape = e.sampleShape().clone();
            context = new PluginContext(dtype, sampleShape, null, registry, init);
        }
        if (spec.negatives() == null) {
            this.negatives = new GaussianStart(sampleShape, dtype);
            this.negativesName = GaussianStart.NAME;
        } else {
            this.negatives = Experiment.create(registry, spec.negatives(), context, "negatives");
            this.negativesName = registry.typeOf(spec.negatives());
        }
        this.kernel = Experiment.create(registry, spec.sampler(), context, "sampler");
        this.transitions = Experiment.samplerTransitions(spec.sampler(), registry, context);
        Integer every = spec.sampler().transitionEvery();
        this.transitionEvery = transitions.isEmpty() || every == null ? 0 : every;
    }

    /** Builds the plugins of {@code spec}; every spec problem is reported in one {@link SpecException}. */
    public static SamplingSetup build(ExperimentSpec spec, PluginRegistry registry) {
        return new SamplingSetup(spec, registry);
    }

    /**
     * Loads the energy's parameters and state (and the negative source's state, when saved) from a checkpoint
     * directory.
     *
     * @return the checkpoint's step
     */
    public long load(Path checkpoint) {
        Checkpoints.Snapshot s = new Checkpoints(checkpoint, Integer.MAX_VALUE).load(checkpoint);
        Map<String, INDArray> params = s.parts().getOrDefault("params", Map.of());
        energy.parameters().arrays().forEach((name, arr) -> {
            INDArray saved = params.get(name);
            if (saved == null) {
                throw new SpecException("energy", "does not match the checkpoint " + checkpoint + ": it has no "
                        + "parameter '" + name + "' (saved: " + params.keySet() + ")");
            }
            if (!java.util.Arrays.equals(saved.shape(), arr.shape())) {
                throw new SpecException("energy", "does not match the checkpoint " + checkpoint + ": parameter '"
                        + name + "' has shape " + java.util.Arrays.toString(arr.shape()) + " here and "
                        + java.util.Arrays.toString(saved.shape()) + " there");
            }
            arr.assign(saved);
        });
        Map<String, INDArray> energyState = s.parts().get(Trainer.ENERGY_PART);
        if (energyState != null) {
            energy.restore(energyState);
        } else if (!energy.state().isEmpty()) {
            throw new SpecException("energy", "does not match the checkpoint " + checkpoint + ": the energy keeps "
                    + "state " + energy.state().keySet() + " (e.g. spectral norm's vectors) but the checkpoint "
                    + "has none");
        }
        Map<String, INDArray> negativeState = s.parts().get("negatives");
        if (negativeState != null && !negativeState.isEmpty()) {
            negatives.restore(negativeState);
        }
        return s.step();
    }
}
