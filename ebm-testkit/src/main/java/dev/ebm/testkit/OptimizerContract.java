package dev.ebm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Optimizer;
import dev.ebm.api.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every {@link Optimizer} must meet. Extend it in your plugin's tests and build a fresh optimizer with
 * settings that suit a quadratic of unit scale:
 *
 * <pre>{@code
 * class MyOptimizerContractTest extends OptimizerContract {
 *     protected Optimizer optimizer() { return new MyOptimizer(0.05); }
 * }
 * }</pre>
 *
 * <p>On f(p) = ½ Σ aᵢ(pᵢ − cᵢ)² over two parameter arrays (float64, curvatures a in [0.5, 2]) it checks that
 * {@link #steps()} steps from the gradients decrease f to below half its start; that {@code step} returns the global
 * L2 norm of the gradients it was given and updates the arrays in place, leaving the gradients alone; and that the
 * state round-trips: {@code state()} restored into a new optimizer continues with exactly the same updates.
 */
public abstract class OptimizerContract {
    /** A fresh optimizer. */
    protected abstract Optimizer optimizer();

    /** Steps of the descent check (default 100). */
    protected int steps() {
        return 100;
    }

    /** The seed of every check's generator. */
    protected long seed() {
        return 20_241_206L;
    }

    /** The quadratic: curvatures, centres, and a starting point. */
    private final class Quadratic {
        final List<INDArray> a = new ArrayList<>();
        final List<INDArray> c = new ArrayList<>();
        final List<INDArray> p = new ArrayList<>();

        Quadratic() {
            Rng rng = new Rng(seed());
            for (long[] shape : new long[][] {{3, 4}, {5}}) {
                a.add(rng.uniform(DataType.DOUBLE, shape).muli(1.5).addi(0.5));
                c.add(rng.normal(DataType.DOUBLE, shape));
                p.add(rng.normal(DataType.DOUBLE, shape).muli(2));
            }
        }

        double value() {
            double f = 0;
            for (int i = 0; i < p.size(); i++) {
                INDArray d = p.get(i).sub(c.get(i));
                f += 0.5 * d.mul(d).mul(a.get(i)).sumNumber().doubleValue();
            }
            return f;
        }

        List<INDArray> grads() {
            List<INDArray> g = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) {
                g.add(p.get(i).sub(c.get(i)).muli(a.get(i)));
            }
            return g;
        }
    }

    @Test
    public void stepsOnAQuadraticDecreaseIt() {
        Quadratic q = new Quadratic();
        Optimizer opt = optimizer();
        double f0 = q.value();
        for (int t = 0; t < steps(); t++) {
            opt.step(q.p, q.grads());
        }
        double f = q.value();
        System.out.printf("[%s] quadratic from %.4f to %.4g in %d steps%n", getClass().getSimpleName(), f0, f,
                steps());
        assertThat(f).as("the quadratic after %d steps (from %.4f)", steps(), f0).isLessThan(f0 / 2);
    }

    @Test
    public void aStepReturnsTheGradientNormAndUpdatesInPlace() {
        Quadratic q = new Quadratic();
        List<INDArray> live = new ArrayList<>(q.p);
        List<INDArray> g = q.grads();
        List<double[]> gBefore = g.stream().map(Stats::doubles).toList();
        double norm = 0;
        for (INDArray x : g) {
            norm += x.mul(x).sumNumber().doubleValue();
        }
        double[] p0 = Stats.doubles(q.p.get(0));
        double returned = optimizer().step(q.p, g);
        assertThat(returned).as("the returned gradient norm").isCloseTo(Math.sqrt(norm), within(1e-9));
        for (int i = 0; i < g.size(); i++) {
            assertThat(q.p.get(i)).as("parameter array %d after a step (updated in place)", i).isSameAs(live.get(i));
            assertThat(Stats.doubles(g.get(i))).as("gradient %d after a step", i).containsExactly(gBefore.get(i));
        }
        assertThat(Stats.doubles(q.p.get(0))).as("parameters after a step").isNotEqualTo(p0);
    }

    @Test
    public void stateRestoredIntoANewOptimizerContinuesIdentically() {
        Quadratic q = new Quadratic();
        Optimizer a = optimizer();
        for (int t = 0; t < 5; t++) {
            a.step(q.p, q.grads());
        }
        Map<String, INDArray> saved = new LinkedHashMap<>();
        a.state().forEach((k, v) -> saved.put(k, v.dup()));
        Optimizer b = optimizer();
        b.restore(saved);
        List<INDArray> pb = q.p.stream().map(INDArray::dup).toList();
        Quadratic qb = new Quadratic();
        for (int i = 0; i < pb.size(); i++) {
            qb.p.set(i, pb.get(i));
        }
        for (int t = 0; t < 5; t++) {
            a.step(q.p, q.grads());
            b.step(qb.p, qb.grads());
            for (int i = 0; i < q.p.size(); i++) {
                assertThat(Stats.doubles(qb.p.get(i))).as("parameter array %d, %d steps after restoring", i, t + 1)
                        .containsExactly(Stats.doubles(q.p.get(i)));
            }
        }
    }
}
