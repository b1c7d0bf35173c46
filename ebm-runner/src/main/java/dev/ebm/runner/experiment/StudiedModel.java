package dev.ebm.runner.experiment;

import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.runner.chains.TestTimeChains;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Checkpoints;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished run of a sweep, loaded for test-time analyses: its experiment rebuilt from {@code spec.resolved.yaml}
 * with the parameters (and energy state) of its latest checkpoint.
 *
 * @param caseName the sweep case
 * @param seed the run's seed
 * @param runDir the run directory
 * @param ex the experiment with the checkpoint's parameters loaded
 * @param step the checkpoint's step
 * @param testEnergies the energy of every image of the test split (the deep-hole threshold's reference)
 */
record StudiedModel(String caseName, long seed, Path runDir, Experiment ex, long step, double[] testEnergies) {

    /** The spec of the run in {@code runDir}. */
    static ExperimentSpec spec(Path runDir, SpecLoader loader) {
        return loader.load(runDir.resolve("spec.resolved.yaml"), List.of());
    }

    /** Loads the run in {@code runDir} and the energies of {@code judge}'s test split under it. */
    static StudiedModel load(String caseName, long seed, Path runDir, SpecLoader loader, PluginRegistry registry,
            Judge judge, PrintStream out) {
        Experiment ex = Experiment.build(spec(runDir, loader), registry);
        long step = new Trainer(ex, runDir, out, false).loadLatestParameters();
        var test = judge.test();
        double[] e = TestTimeChains.energies(ex.energy, test.samples(0, test.size(), ex.dtype));
        return new StudiedModel(caseName, seed, runDir, ex, step, e);
    }

    /** The run's directory name in a sweep, {@code CASE-seedN}. */
    String label() {
        return caseName + "-seed" + seed;
    }

    /** The newest checkpoint directory (for the record). */
    Path checkpoint() {
        return new Checkpoints(runDir, Integer.MAX_VALUE).latest().orElse(null);
    }

    /** The run's sampler with {@code sets} applied and {@code steps} steps (validated as a spec is). */
    SamplerSpec sampler(List<String> sets, int steps, SpecLoader loader) {
        List<String> all = new ArrayList<>(sets);
        all.add("sampler.steps=" + steps);
        return loader.load(runDir.resolve("spec.resolved.yaml"), all).sampler();
    }

    /** The chains' setup for a sampler spec: kernel, transitions, energy, with {@code judge}'s classifier. */
    TestTimeChains.Setup setup(SamplerSpec sampler, Judge judge) {
        PluginRegistry registry = ex.context.registry();
        dev.ebm.api.SamplerKernel kernel = registry.create(sampler, ex.context);
        List<Transition> transitions = Experiment.samplerTransitions(sampler, registry, ex.context);
        int every = transitions.isEmpty() || sampler.transitionEvery() == null ? 0 : sampler.transitionEvery();
        return new TestTimeChains.Setup(kernel, transitions, every, ex.energy, judge.classifier(), ex.data.bounds());
    }
}
