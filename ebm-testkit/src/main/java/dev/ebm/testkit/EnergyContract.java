package dev.ebm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every {@link EnergyFunction} must meet. Extend it in your plugin's tests and build the energy:
 *
 * <pre>{@code
 * class MyEnergyContractTest extends EnergyContract {
 *     protected EnergyFunction energy(DataType dtype, Rng rng) {
 *         return new MyEnergyProvider().create(new MySpec(...),
 *                 new PluginContext(dtype, sampleShape(), null, null, rng));
 *     }
 *     protected long[] sampleShape() { return new long[] {2}; }
 * }
 * }</pre>
 *
 * <p>It checks, on float64 copies of the energy, against central finite differences
 * ({@link FiniteDifferences}): ∇ₓE, ∇θE, and second order — the θ-gradient of Σ wᵢ‖∇ₓE(xᵢ)‖², which the KL terms
 * and score matching differentiate (a Hessian-vector product in x for energies without parameters). It checks that
 * energies have shape {@code [N]} and the input's data type in float32 and float64; that parameters and state
 * ({@link EnergyFunction#state()}, {@link EnergyFunction#restore}, {@link EnergyFunction#afterUpdate()}) round-trip
 * through a checkpoint-like save and restore into a differently initialised energy, which then computes exactly the
 * same energies, also after further updates; and that the energy is one fixed function between evaluations: neither
 * evaluating nor differentiating changes its values or its state. Only a sample of large arrays' entries is
 * perturbed ({@link #entriesPerArray()}), so a convolutional network checks in seconds.
 */
public abstract class EnergyContract {

    /**
     * A fresh energy for samples of {@link #sampleShape()}, computing in {@code dtype}, initialised from {@code rng}
     * (the same generator state must give the same parameters).
     */
    protected abstract EnergyFunction energy(DataType dtype, Rng rng);

    /** The shape of one sample, e.g. {@code {2}} or {@code {1, 28, 28}}. */
    protected abstract long[] sampleShape();

    /** Inputs {@code [n, ...sampleShape]}; by default N(0, 1) draws. */
    protected INDArray inputs(int n, Rng rng, DataType dtype) {
        return rng.normal(dtype, shape(n));
    }

    /** Samples per check (default 3). */
    protected int batch() {
        return 3;
    }

    /** How many entries of each array the finite-difference checks perturb (default 12). */
    protected int entriesPerArray() {
        return 12;
    }

    /** The largest relative error of a gradient against central differences (default 1e-5). */
    protected double tolerance() {
        return 1e-5;
    }

    /** The seed of every check's generator. */
    protected long seed() {
        return 20_241_201L;
    }

    private long[] shape(long n) {
        long[] s = new long[sampleShape().length + 1];
        s[0] = n;
        System.arraycopy(sampleShape(), 0, s, 1, sampleShape().length);
        return s;
    }

    @Test
    public void energiesAreOnePerSampleInTheInputsDataType() {
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            EnergyFunction e = energy(dtype, new Rng(seed()));
            INDArray x = inputs(5, new Rng(seed() + 1), dtype);
            INDArray v = e.energy(Tensor.constant(x)).value();
            assertThat(v.shape()).as("shape of the energies of a %s batch %s", dtype,
                    java.util.Arrays.toString(x.shape())).containsExactly(5L);
            assertThat(v.dataType()).as("data type of the energies of a %s batch", dtype).isEqualTo(dtype);
            for (double d : v.castTo(DataType.DOUBLE).toDoubleVector()) {
                assertThat(d).as("an energy at N(0, 1) inputs").isFinite();
            }
            if (e.sampleShape() != null) {
                assertThat(e.sampleShape()).as("the sample shape the energy declares").containsExactly(sampleShape());
            }
        }
    }

    @Test
    public void gradientInXMatchesCentralDifferences() {
        EnergyFunction e = energy(DataType.DOUBLE, new Rng(seed()));
        Rng rng = new Rng(seed() + 2);
        INDArray x = inputs(batch(), rng, DataType.DOUBLE);
        INDArray w = rng.uniform(DataType.DOUBLE, batch()).addi(0.5);
        Tensor xt = Tensor.variable(x);
        Tensor l = e.energy(xt, e.parameters()).mul(Tensor.constant(w)).sum();
        INDArray g = Autodiff.grad(l, xt, false).value();
        long[] idx = FiniteDifferences.entries(x, 4 * entriesPerArray(), rng);
        FiniteDifferences.assertClose("∇ₓ Σ wᵢE(xᵢ)", FiniteDifferences.at(g, idx),
                FiniteDifferences.central(weighted(e, x, w), x, idx), tolerance());
    }

    @Test
    public void gradientInParametersMatchesCentralDifferences() {
        EnergyFunction e = energy(DataType.DOUBLE, new Rng(seed()));
        ParameterSet p = e.parameters();
        org.junit.jupiter.api.Assumptions.assumeFalse(p.isEmpty(), "the energy has no parameters");
        Rng rng = new Rng(seed() + 3);
        INDArray x = inputs(batch(), rng, DataType.DOUBLE);
        INDArray w = rng.uniform(DataType.DOUBLE, batch()).addi(0.5);
        Tensor l = e.energy(Tensor.constant(x), p).mul(Tensor.constant(w)).sum();
        List<Tensor> g = Autodiff.grad(l, p.tensors(), false);
        for (int i = 0; i < g.size(); i++) {
            INDArray a = p.tensors().get(i).value();
            long[] idx = FiniteDifferences.entries(a, entriesPerArray(), rng);
            FiniteDifferences.assertClose("∂ Σ wᵢE(xᵢ) / ∂" + p.names().get(i), FiniteDifferences.at(g.get(i).value(),
                    idx), FiniteDifferences.central(weighted(e, x, w), a, idx), tolerance());
        }
    }

    @Test
    public void secondOrderGradientsMatchCentralDifferences() {
        EnergyFunction e = energy(DataType.DOUBLE, new Rng(seed()));
        ParameterSet p = e.parameters();
        Rng rng = new Rng(seed() + 4);
        INDArray x = inputs(batch(), rng, DataType.DOUBLE);
        if (p.isEmpty()) {
            // a Hessian-vector product in x: ∇ₓ(∇ₓE·v) against central differences of ∇ₓE·v
            INDArray v = rng.normal(DataType.DOUBLE, x.shape());
            Tensor xt = Tensor.variable(x);
            Tensor gx = Autodiff.grad(e.energy(xt, p).sum(), xt, true);
            INDArray hv = Autodiff.grad(gx.mul(Tensor.constant(v)).sum(), xt, false).value();
            long[] idx = FiniteDifferences.entries(x, 4 * entriesPerArray(), rng);
            DoubleSupplier gv = () -> {
                Tensor xs = Tensor.variable(x);
                return Autodiff.grad(e.energy(xs, p).sum(), xs, false).value().mul(v).sumNumber().doubleValue();
            };
            FiniteDifferences.assertClose("Hessian-vector product ∇ₓ(∇ₓE·v)", FiniteDifferences.at(hv, idx),
                    FiniteDifferences.central(gv, x, idx), tolerance());
            return;
        }
        INDArray w = rng.uniform(DataType.DOUBLE, batch()).addi(0.5);
        Tensor xt = Tensor.variable(x);
        Tensor gx = Autodiff.grad(e.energy(xt, p).sum(), xt, true);
        Tensor q = gx.square().reshape(batch(), x.length() / batch()).sum(false, 1).mul(Tensor.constant(w)).sum();
        List<Tensor> dq = Autodiff.grad(q, p.tensors(), false);
        DoubleSupplier qNumeric = () -> {
            Tensor xs = Tensor.variable(x);
            INDArray g = Autodiff.grad(e.energy(xs, p.detached()).sum(), xs, false).value();
            return g.mul(g).reshape(batch(), x.length() / batch()).sum(1).mul(w).sumNumber().doubleValue();
        };
        for (int i = 0; i < dq.size(); i++) {
            INDArray a = p.tensors().get(i).value();
            long[] idx = FiniteDifferences.entries(a, entriesPerArray(), rng);
            FiniteDifferences.assertClose("∂ Σ wᵢ‖∇ₓE(xᵢ)‖² / ∂" + p.names().get(i),
                    FiniteDifferences.at(dq.get(i).value(), idx), FiniteDifferences.central(qNumeric, a, idx),
                    tolerance());
        }
    }

    @Test
    public void parametersAndStateRoundTripThroughACheckpoint() {
        EnergyFunction saved = energy(DataType.DOUBLE, new Rng(seed()));
        Rng rng = new Rng(seed() + 5);
        for (INDArray a : saved.parameters().arrays().values()) {
            a.addi(rng.normal(DataType.DOUBLE, a.shape()).muli(0.01)); // as if trained a little
        }
        saved.afterUpdate();
        saved.afterUpdate();
        Map<String, INDArray> params = copies(saved.parameters().arrays());
        Map<String, INDArray> state = copies(saved.state());

        EnergyFunction restored = energy(DataType.DOUBLE, new Rng(seed() + 77));
        assertThat(restored.parameters().names()).as("parameter names of a second instance")
                .containsExactlyElementsOf(saved.parameters().names());
        restored.parameters().arrays().forEach((name, a) -> {
            assertThat(a.shape()).as("shape of parameter %s", name).containsExactly(params.get(name).shape());
            a.assign(params.get(name));
        });
        assertThat(restored.state().keySet()).as("state names of a second instance").isEqualTo(state.keySet());
        restored.restore(copies(state));
        INDArray x = inputs(batch() + 2, rng, DataType.DOUBLE);
        assertThat(values(restored, x)).as("energies after restoring parameters and state")
                .containsExactly(values(saved, x));
        restored.afterUpdate();
        saved.afterUpdate();
        assertThat(values(restored, x)).as("energies after one more update of both")
                .containsExactly(values(saved, x));
    }

    @Test
    public void theEnergyIsOneFixedFunctionBetweenUpdates() {
        EnergyFunction e = energy(DataType.DOUBLE, new Rng(seed()));
        INDArray x = inputs(batch(), new Rng(seed() + 6), DataType.DOUBLE);
        double[] first = values(e, x);
        Map<String, INDArray> state = copies(e.state());
        Map<String, INDArray> params = copies(e.parameters().arrays());
        Tensor xt = Tensor.variable(x);
        Tensor gx = Autodiff.grad(e.energy(xt).sum(), xt, true);
        List<Tensor> wrt = new ArrayList<>(e.parameters().tensors());
        if (!wrt.isEmpty()) {
            Autodiff.grad(gx.square().sum(), wrt, false);
        }
        assertThat(values(e, x)).as("energies evaluated again, after differentiating").containsExactly(first);
        e.state().forEach((name, a) -> assertThat(Stats.doubles(a))
                .as("state %s after evaluations (state may change only in afterUpdate)", name)
                .containsExactly(Stats.doubles(state.get(name))));
        e.parameters().arrays().forEach((name, a) -> assertThat(Stats.doubles(a))
                .as("parameter %s after evaluations", name).containsExactly(Stats.doubles(params.get(name))));
    }

    private static DoubleSupplier weighted(EnergyFunction e, INDArray x, INDArray w) {
        return () -> e.energy(Tensor.constant(x), e.parameters().detached()).value().mul(w).sumNumber().doubleValue();
    }

    private static double[] values(EnergyFunction e, INDArray x) {
        return e.energy(Tensor.constant(x), e.parameters().detached()).value().castTo(DataType.DOUBLE)
                .toDoubleVector();
    }

    private static Map<String, INDArray> copies(Map<String, INDArray> m) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
