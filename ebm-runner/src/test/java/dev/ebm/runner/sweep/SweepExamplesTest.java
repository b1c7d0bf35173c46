package dev.ebm.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.runner.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example sweeps of examples/sweeps/ validate against the example specs and expand as documented. */
class SweepExamplesTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private final SpecLoader loader = new SpecLoader(REGISTRY);
    private static final Path SWEEPS = Path.of("..", "examples", "sweeps");

    private List<SweepPlan.ResolvedRun> resolve(String name) {
        return SweepPlan.expand(SweepFile.read(SWEEPS.resolve(name), loader.mapper())).resolve(loader);
    }

    @Test
    void theObjectivesSweepTrainsEveryToyExampleFor1000StepsWithThreeSeeds() {
        List<SweepPlan.ResolvedRun> runs = resolve("objectives.yaml");
        assertThat(runs).hasSize(24);
        assertThat(runs.subList(0, 8)).extracting(r -> r.run().dir()).containsExactly("ml-seed1", "cd-star-seed1",
                "cd-seed1", "kl-aux-seed1", "softplus-seed1", "logsumexp-seed1", "nce-seed1", "dsm-seed1");
        assertThat(runs).allSatisfy(r -> assertThat(r.spec().train().steps()).isEqualTo(1000));
        assertThat(runs).extracting(r -> r.spec().seed()).containsOnly(1L, 2L, 3L);
        assertThat(runs.get(0).yaml()).contains("decaySteps: 1000");
        assertThat(runs.get(6).spec().name()).isEqualTo("eight-gaussians-nce");
    }

    @Test
    void theLangevinStepSweepVariesEpsilonAndK() {
        List<SweepPlan.ResolvedRun> runs = resolve("langevin-step.yaml");
        assertThat(runs).hasSize(27);
        assertThat(runs.subList(0, 3)).extracting(r -> r.run().dir()).containsExactly(
                "epsilon=0.03_sampler.steps=10-seed1", "epsilon=0.03_sampler.steps=20-seed1",
                "epsilon=0.03_sampler.steps=40-seed1");
        assertThat(runs.get(5).yaml()).contains("epsilon: 0.1").contains("steps: 40");
    }
}
