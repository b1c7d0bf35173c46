package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Wall time of each transition on an MNIST-sized batch [128, 1, 28, 28] of float32, as applied to replay-buffer
 * draws or every N sampler steps: 40 calls after 40 warm-up calls (JIT compilation), one thread. On a shared
 * machine the median is inflated by other processes; the minimum is the best estimate of the uncontended cost. The
 * bound is loose; the printed numbers are the measurement.
 */
class SpeedTest {

    @Test
    void aBatchOf128MnistImagesTakesMilliseconds() {
        String[] specs = {
            "{\"type\":\"noise\",\"std\":0.01}",
            "{\"type\":\"jitter\",\"pixels\":2}",
            "{\"type\":\"flip\"}",
            "{\"type\":\"elastic\",\"mode\":\"smoothed\",\"alpha\":34,\"sigma\":4}",
            "{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":2,\"points\":3}",
            "{\"type\":\"blur\",\"sigma\":[0.1,2]}",
            "{\"type\":\"crop-resize\",\"scale\":[0.7,1]}",
            "{\"type\":\"contrast\",\"factor\":[0.6,1.4],\"range\":[-1,1]}",
            "{\"type\":\"brightness\",\"factor\":[0.6,1.4],\"range\":[-1,1]}"};
        INDArray x = new Rng(70).uniform(DataType.FLOAT, 128, 1, 28, 28);
        Rng rng = new Rng(71);
        for (String spec : specs) {
            Transition t = Plugins.transition(spec, 1, 28, 28);
            for (int i = 0; i < 40; i++) {
                t.apply(x, rng);
            }
            double[] ms = new double[40];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                t.apply(x, rng);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("[speed] %-70s min %6.2f ms, median %6.2f ms per batch of 128%n", spec, ms[0],
                    ms[ms.length / 2]);
            assertThat(ms[ms.length / 2]).as(spec).isLessThan(250);
        }
    }
}
