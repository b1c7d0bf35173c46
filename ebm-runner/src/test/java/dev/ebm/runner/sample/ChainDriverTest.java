package dev.ebm.runner.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.ChainRun;
import dev.ebm.api.Chains;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.runner.spec.SpecLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ChainDriverTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @Test
    void stepByStepInWorkspacesTakesExactlyTheStepsOfChainsRun() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        ExperimentSpec spec = new SpecLoader(REGISTRY).parse("""
                energy: {type: gaussian-mixture, weights: [0.5, 0.5], means: [[-1.5, 0], [1.5, 0]], stds: [0.6, 0.6]}
                sampler: {type: mala, steps: 120, epsilon: 0.5, adapt: {target: 0.574, warmup: 40}}
                """, List.of());
        PluginContext ctx = new PluginContext(DataType.FLOAT, new long[] {2}, null, REGISTRY, new Rng(1));
        EnergyFunction energy = REGISTRY.create(spec.energy(), ctx);
        SamplerKernel kernel = REGISTRY.create(spec.sampler(), ctx);
        INDArray x0 = new Rng(2).normal(DataType.FLOAT, 1000, 2);

        long t0 = System.nanoTime();
        ChainRun reference = Chains.run(kernel, Target.of(energy), x0, new Rng(3));
        long t1 = System.nanoTime();
        ChainDriver driver = new ChainDriver(kernel, Target.of(energy), x0, kernel.steps(), List.of(), 0);
        Rng rng = new Rng(3);
        double[] accept = new double[2];
        for (int t = 0; t < kernel.steps(); t++) {
            driver.step(rng, (step, warm, state, info) -> {
                if (!warm) {
                    accept[0] += info.acceptRate();
                    accept[1]++;
                }
            });
        }
        long t2 = System.nanoTime();
        System.out.printf("120 mala steps on 1000 chains: Chains.run %.2f ms/step, ChainDriver %.2f ms/step%n",
                (t1 - t0) / 1.2e8, (t2 - t1) / 1.2e8);
        assertThat(driver.stepsTaken()).isEqualTo(120);
        assertThat(driver.warmupSteps()).isEqualTo(40);
        assertThat(flat(driver.state().x())).containsExactly(flat(reference.end().x()));
        assertThat(driver.state().energy().toFloatVector()).containsExactly(reference.end().energy().toFloatVector());
        assertThat(driver.state().stepSize()).isEqualTo(reference.end().stepSize());
        assertThat(accept[0] / accept[1]).isEqualTo(reference.acceptRate());
        assertThat(flat(x0)).as("x0 is not mutated").containsExactly(flat(new Rng(2).normal(DataType.FLOAT, 1000, 2)));
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toFloatVector();
    }
}
