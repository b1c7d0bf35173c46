package dev.ebm.energies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Building energies from JSON specs and checking their gradients against central finite differences. */
final class EnergyChecks {
    static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new MlpProvider(), new CnnProvider(),
            new MultiscaleProvider(), new GaussianProvider()));
    private static final double H = 1e-6;

    private EnergyChecks() {}

    static EnergySpec spec(String json) {
        try {
            return new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), EnergySpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static EnergyFunction energy(String json, DataType dtype, long... sampleShape) {
        return seeded(json, dtype, 7, sampleShape);
    }

    static EnergyFunction seeded(String json, DataType dtype, long seed, long... sampleShape) {
        return REGISTRY.create(spec(json), new PluginContext(dtype, sampleShape, null, REGISTRY, new Rng(seed)));
    }

    static List<String> problems(Supplier<?> make) {
        try {
            make.get();
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).collect(Collectors.toList());
        }
        throw new AssertionError("no problem found");
    }

    /** ∇ₓ and ∇θ of L = Σ_n weights_n·E(x_n) from the tape against central differences (float64). */
    static void gradientsMatchFiniteDifferences(EnergyFunction e, INDArray x) {
        INDArray weights = Nd4j.rand(DataType.DOUBLE, x.shape()[0]);
        Supplier<Double> loss = () -> e.energy(Tensor.constant(x), e.parameters().detached()).value()
                .mul(weights).sumNumber().doubleValue();
        Tensor xt = Tensor.variable(x);
        ParameterSet p = e.parameters();
        Tensor l = e.energy(xt, p).mul(Tensor.constant(weights)).sum();
        List<Tensor> wrt = new ArrayList<>(p.tensors());
        wrt.add(0, xt);
        List<Tensor> g = Autodiff.grad(l, wrt, false);
        assertClose("dE/dx", g.get(0).value(), numeric(loss, x));
        for (int i = 0; i < p.names().size(); i++) {
            assertClose("dE/d" + p.names().get(i), g.get(i + 1).value(), numeric(loss, p.tensors().get(i).value()));
        }
    }

    /** The gradient in θ of ‖∇ₓE‖² (second order through the tape) against central differences (float64). */
    static void inputGradientNormGradientMatchesFiniteDifferences(EnergyFunction e, INDArray x) {
        Supplier<Double> q = () -> {
            Tensor xt = Tensor.variable(x);
            INDArray gx = Autodiff.grad(e.energy(xt, e.parameters().detached()).sum(), xt, false).value();
            return gx.mul(gx).sumNumber().doubleValue();
        };
        Tensor xt = Tensor.variable(x);
        Tensor gx = Autodiff.grad(e.energy(xt).sum(), xt, true);
        List<Tensor> dq = Autodiff.grad(gx.square().sum(), e.parameters().tensors(), false);
        for (int i = 0; i < dq.size(); i++) {
            assertClose("d|dE/dx|^2/d" + e.parameters().names().get(i), dq.get(i).value(),
                    numeric(q, e.parameters().tensors().get(i).value()));
        }
    }

    /** Central differences of {@code f} in every element of {@code a} (modified and restored). */
    static INDArray numeric(Supplier<Double> f, INDArray a) {
        INDArray out = Nd4j.create(DataType.DOUBLE, a.shape());
        for (long j = 0; j < a.length(); j++) {
            double a0 = a.getDouble(j);
            a.putScalar(j, a0 + H);
            double plus = f.get();
            a.putScalar(j, a0 - H);
            double minus = f.get();
            a.putScalar(j, a0);
            out.putScalar(j, (plus - minus) / (2 * H));
        }
        return out;
    }

    static void assertClose(String what, INDArray got, INDArray expected) {
        double err = got.sub(expected).norm2Number().doubleValue()
                / Math.max(expected.norm2Number().doubleValue(), 1e-3);
        assertThat(err).as(what).isLessThan(1e-6);
    }
}
