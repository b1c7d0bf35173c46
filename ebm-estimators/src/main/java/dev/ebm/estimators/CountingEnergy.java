package dev.ebm.estimators;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An energy that counts its evaluations: every call adds the batch size N to {@link #evaluations()}, and, when it
 * records a graph (gradient mode on and x a variable, as in {@link dev.ebm.api.Target#evaluate}), also to
 * {@link #gradients()}. Everything else is delegated. Counters are thread-safe.
 */
public final class CountingEnergy implements EnergyFunction {
    private final EnergyFunction inner;
    private final AtomicLong evaluations = new AtomicLong();
    private final AtomicLong gradients = new AtomicLong();

    public CountingEnergy(EnergyFunction inner) {
        this.inner = inner;
    }

    /** {@code e} itself when it already counts, else a counting wrapper. */
    public static CountingEnergy of(EnergyFunction e) {
        return e instanceof CountingEnergy c ? c : new CountingEnergy(e);
    }

    public EnergyFunction inner() {
        return inner;
    }

    /** Sample points at which E was evaluated so far. */
    public long evaluations() {
        return evaluations.get();
    }

    /** Sample points at which ∇ₓE was (to be) computed so far. */
    public long gradients() {
        return gradients.get();
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet params) {
        long n = x.shape()[0];
        evaluations.addAndGet(n);
        if (GradMode.isEnabled() && x.requiresGrad()) {
            gradients.addAndGet(n);
        }
        return inner.energy(x, params);
    }

    @Override
    public ParameterSet parameters() {
        return inner.parameters();
    }

    @Override
    public long[] sampleShape() {
        return inner.sampleShape();
    }

    @Override
    public Map<String, INDArray> state() {
        return inner.state();
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        inner.restore(state);
    }
}
