package dev.ebm.samplers.negatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.samplers.Fixtures;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The replay buffer applies its list of transitions to the chains it draws from the buffer in the listed order. */
class ReplayBufferTransitionOrderTest {

    /**
     * brightness ×2 (clamped to [0, 1]) then contrast ×0.5 gives v ↦ ½·v + ½·mean(v) with v = min(1, 2u); the
     * other order would give min(1, u + mean(u)). Both factors are fixed, so the expected images follow exactly.
     */
    @Test
    void bufferDrawsPassThroughTheTransitionsInOrder() {
        String json = "{\"type\":\"replay-buffer\",\"capacity\":50,\"reinit\":0,\"transitions\":["
                + "{\"type\":\"brightness\",\"factor\":[2,2],\"range\":[0,1]},"
                + "{\"type\":\"contrast\",\"factor\":[0.5,0.5],\"range\":[0,1]}]}";
        PluginContext c = new PluginContext(DataType.DOUBLE, new long[] {1, 4, 5}, null, Fixtures.REGISTRY,
                new Rng(0));
        NegativeSource rb = Fixtures.REGISTRY.create(Fixtures.spec(json, NegativeSourceSpec.class), c);
        INDArray one = new Rng(1).uniform(DataType.DOUBLE, 1, 1, 4, 5);
        rb.accept(one.repeat(0, 50), new Rng(2));
        double[] u = one.dup('c').data().asDouble();
        double[] v = new double[u.length];
        double mean = 0;
        for (int i = 0; i < u.length; i++) {
            v[i] = Math.min(1, 2 * u[i]);
            mean += v[i] / u.length;
        }
        INDArray drawn = rb.draw(8, null, new Rng(3));
        assertThat(drawn.shape()).containsExactly(8, 1, 4, 5);
        double[] d = drawn.dup('c').data().asDouble();
        int differsFromOtherOrder = 0;
        double meanU = java.util.Arrays.stream(u).average().orElseThrow();
        for (int k = 0; k < 8; k++) {
            for (int i = 0; i < u.length; i++) {
                assertThat(d[k * u.length + i]).isCloseTo(0.5 * v[i] + 0.5 * mean, within(1e-12));
                differsFromOtherOrder += Math.abs(d[k * u.length + i] - Math.min(1, u[i] + meanU)) > 1e-6 ? 1 : 0;
            }
        }
        assertThat(differsFromOtherOrder).isGreaterThan(8 * u.length / 2);
    }
}
