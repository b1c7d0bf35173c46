package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cost of each transition on an MNIST-sized batch [128, 1, 28, 28] of float32, as applied to replay-buffer draws or
 * every N sampler steps, on one thread: 15 interleaved rounds of 20 calls per transition, the first 3 rounds
 * warm-up; per transition the smallest per-call average over the other rounds, in CPU time of the thread (which
 * other processes on a shared machine inflate little) and in wall time. The bound is loose; the printed table is
 * the measurement.
 */
class SpeedTest {
    static final String[] SPECS = {
        "{\"type\":\"noise\",\"std\":0.01}",
        "{\"type\":\"jitter\",\"pixels\":2}",
        "{\"type\":\"flip\"}",
        "{\"type\":\"elastic\",\"mode\":\"smoothed\",\"alpha\":34,\"sigma\":4}",
        "{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":2,\"points\":3}",
        "{\"type\":\"blur\",\"sigma\":[0.1,2]}",
        "{\"type\":\"crop-resize\",\"scale\":[0.7,1]}",
        "{\"type\":\"contrast\",\"factor\":[0.6,1.4],\"range\":[-1,1]}",
        "{\"type\":\"brightness\",\"factor\":[0.6,1.4],\"range\":[-1,1]}"};

    /**
     * The current thread's CPU time in ns, through java.management's ThreadMXBean called reflectively (this module
     * does not read java.management; reflection needs no readability), or wall time if it is unavailable.
     */
    static LongSupplier cpuClock() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Method m = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
            m.invoke(bean);
            return () -> {
                try {
                    return (Long) m.invoke(bean);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return System::nanoTime;
        }
    }

    @Test
    void aBatchOf128MnistImagesTakesMilliseconds() {
        INDArray x = new Rng(70).uniform(DataType.FLOAT, 128, 1, 28, 28);
        Rng rng = new Rng(71);
        List<Transition> ts = new ArrayList<>();
        for (String spec : SPECS) {
            ts.add(Plugins.transition(spec, 1, 28, 28));
        }
        LongSupplier cpu = cpuClock();
        double[] bestCpu = new double[SPECS.length];
        double[] bestWall = new double[SPECS.length];
        Arrays.fill(bestCpu, Double.POSITIVE_INFINITY);
        Arrays.fill(bestWall, Double.POSITIVE_INFINITY);
        int calls = 20;
        for (int round = 0; round < 15; round++) {
            for (int k = 0; k < SPECS.length; k++) {
                long c0 = cpu.getAsLong();
                long w0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    ts.get(k).apply(x, rng);
                }
                if (round >= 3) {
                    bestCpu[k] = Math.min(bestCpu[k], (cpu.getAsLong() - c0) / 1e6 / calls);
                    bestWall[k] = Math.min(bestWall[k], (System.nanoTime() - w0) / 1e6 / calls);
                }
            }
        }
        for (int k = 0; k < SPECS.length; k++) {
            System.out.printf("[speed] %-66s cpu %6.2f ms, wall %6.2f ms per batch of 128%n", SPECS[k], bestCpu[k],
                    bestWall[k]);
            assertThat(bestCpu[k]).as(SPECS[k]).isLessThan(100);
        }
    }
}
