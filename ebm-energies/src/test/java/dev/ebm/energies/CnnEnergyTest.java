package dev.ebm.energies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.CnnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CnnEnergyTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new MlpProvider(), new CnnProvider()));
    private static final double H = 1e-6;

    private static EnergySpec spec(String json) {
        try {
            return new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), EnergySpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static EnergyFunction energy(String json, DataType dtype, long... sampleShape) {
        return REGISTRY.create(spec(json), new PluginContext(dtype, sampleShape, null, REGISTRY, new Rng(7)));
    }

    private static List<String> problems(Supplier<?> make) {
        try {
            make.get();
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).collect(Collectors.toList());
        }
        throw new AssertionError("no problem found");
    }

    @Test
    void serviceLoaderFindsTheCnn() {
        assertThat(PluginRegistry.load().types(Kind.ENERGY)).contains("cnn", "mlp");
    }

    /** The network of the PyTorch comparison: nn.Conv2d(1, 32, 3, 1, 1) … nn.Linear(64 * 4 * 4, 1). */
    @Test
    void defaultsAreTheCnn28NetworkOfThePytorchComparison() {
        CnnSpec s = (CnnSpec) spec("{\"type\":\"cnn\"}");
        assertThat(s).isEqualTo(new CnnSpec(List.of(32, 64, 64, 64), 3, List.of(1, 2, 2, 2), 1, "swish", 0.2));
        assertThat(Cnn.outputShape(s, new long[] {1, 28, 28})).containsExactly(64, 4, 4);
        EnergyFunction e = energy("{\"type\":\"cnn\"}", DataType.FLOAT, 1, 28, 28);
        Map<String, INDArray> p = e.parameters().arrays();
        assertThat(p.keySet()).containsExactly("w0", "b0", "w1", "b1", "w2", "b2", "w3", "b3", "w4", "b4");
        long[][] shapes = {{32, 1, 3, 3}, {32}, {64, 32, 3, 3}, {64}, {64, 64, 3, 3}, {64}, {64, 64, 3, 3}, {64},
            {1024, 1}, {1, 1}};
        int i = 0;
        for (INDArray a : p.values()) {
            assertThat(a.shape()).containsExactly(shapes[i++]);
            assertThat(a.dataType()).isEqualTo(DataType.FLOAT);
        }
        // sum(p.numel() for p in cnn().parameters()) in PyTorch
        assertThat(e.parameters().size()).isEqualTo(93_697);
        // PyTorch's default initialisation: uniform in ±1/sqrt(fan_in), weights and biases alike
        double[] fanIn = {9, 9, 288, 288, 576, 576, 576, 576, 1024, 1024};
        i = 0;
        for (INDArray a : p.values()) {
            double bound = 1 / Math.sqrt(fanIn[i++]);
            assertThat(a.amaxNumber().doubleValue()).isLessThanOrEqualTo(bound);
            if (a.length() >= 64) {
                assertThat(a.amaxNumber().doubleValue()).isGreaterThan(0.8 * bound);
                assertThat(a.meanNumber().doubleValue()).isCloseTo(0.0, within(0.5 * bound));
            }
        }
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28);
        Tensor energies = e.energy(Tensor.constant(x));
        assertThat(energies.shape()).containsExactly(3);
        assertThat(energies.dtype()).isEqualTo(DataType.FLOAT);
        // flattened samples are accepted too
        INDArray flat = e.energy(Tensor.constant(x.reshape(3, 784))).value();
        assertThat(flat.equalsWithEps(energies.value(), 1e-6)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"swish", "softplus", "leaky-relu", "elu", "tanh", "sigmoid"})
    void gradientsInXAndThetaMatchFiniteDifferences(String activation) {
        EnergyFunction e = energy("{\"type\":\"cnn\",\"channels\":[2,3],\"activation\":\"" + activation + "\"}",
                DataType.DOUBLE, 1, 6, 6);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 6, 6).subi(0.5).muli(4);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, 2);
        List<INDArray> theta = e.parameters().tensors().stream().map(Tensor::value).toList();
        // L = Σ_n weights_n · E(x_n)
        Supplier<Double> loss = () -> e.energy(Tensor.constant(x), e.parameters().detached()).value()
                .mul(weights).sumNumber().doubleValue();
        Tensor xt = Tensor.variable(x);
        ParameterSet p = e.parameters();
        Tensor l = e.energy(xt, p).mul(Tensor.constant(weights)).sum();
        List<Tensor> wrt = new ArrayList<>(p.tensors());
        wrt.add(0, xt);
        List<Tensor> g = Autodiff.grad(l, wrt, false);
        assertClose("dE/dx", g.get(0).value(), numeric(loss, x));
        for (int i = 0; i < theta.size(); i++) {
            assertClose("dE/d" + p.names().get(i), g.get(i + 1).value(), numeric(loss, theta.get(i)));
        }
    }

    @Test
    void gradientOfTheInputGradientNormMatchesFiniteDifferences() {
        EnergyFunction e = energy("{\"type\":\"cnn\",\"channels\":[2,3],\"strides\":[2,1],\"padding\":0}",
                DataType.DOUBLE, 2, 7, 7);
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 2, 7, 7).subi(0.5);
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

    @Test
    void specProblemsAreAllReported() {
        assertThat(problems(() -> spec("{\"type\":\"cnn\",\"channels\":[],\"kernel\":0}"))).containsExactly(
                "channels: must list at least one convolution, found []", "kernel: must be > 0, found 0");
        assertThat(problems(() -> spec("{\"type\":\"cnn\",\"channels\":[8,0,-1],\"strides\":[1,2],\"padding\":-1,"
                + "\"activation\":\"relu\",\"leak\":-0.5}"))).containsExactly(
                "channels[1]: must be > 0, found 0",
                "channels[2]: must be > 0, found -1",
                "strides: must have one entry per convolution (3, as channels), found 2: [1, 2]",
                "padding: must be >= 0, found -1",
                "activation: unknown 'relu'; known: [elu, leaky-relu, sigmoid, softplus, swish, tanh]",
                "leak: must be >= 0, found -0.5");
        assertThat(problems(() -> spec("{\"type\":\"cnn\",\"channels\":[4,null],\"strides\":[0,1]}")))
                .containsExactly("channels[1]: must be > 0, found null", "strides[0]: must be > 0, found 0");
        assertThat(problems(() -> spec("{\"type\":\"cnn\",\"chanels\":[4]}"))).hasSize(1)
                .allSatisfy(p -> assertThat(p).contains("chanels"));
        assertThat(problems(() -> spec("{\"type\":\"mlp\",\"hidden\":[4,null]}")))
                .containsExactly("hidden[1]: must be > 0, found null");
    }

    @Test
    void samplesThatAreNotImagesOrTooSmallAreReported() {
        assertThat(problems(() -> energy("{\"type\":\"cnn\"}", DataType.FLOAT, 2))).containsExactly(
                "type: the cnn energy needs image samples of shape [C, H, W], found [2]");
        assertThat(problems(() -> energy("{\"type\":\"cnn\",\"channels\":[4,4,4],\"padding\":0}", DataType.FLOAT,
                1, 8, 8))).containsExactly("kernel: a 3x3 kernel with padding 0 does not fit: the spatial size of "
                + "the 8x8 input goes 8x8 -> 6x6 -> 2x2 -> 0x0 at convolution 2 (stride 2)");
        EnergyFunction e = energy("{\"type\":\"cnn\",\"channels\":[2]}", DataType.FLOAT, 1, 6, 6);
        assertThatThrownBy(() -> e.energy(Tensor.constant(Nd4j.rand(DataType.FLOAT, 2, 1, 5, 5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built for samples of shape [1, 6, 6], but was given [2, 1, 5, 5]");
    }

    /** Central differences of {@code f} in every element of {@code a} (modified and restored). */
    private static INDArray numeric(Supplier<Double> f, INDArray a) {
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

    private static void assertClose(String what, INDArray got, INDArray expected) {
        double err = got.sub(expected).norm2Number().doubleValue()
                / Math.max(expected.norm2Number().doubleValue(), 1e-3);
        assertThat(err).as(what).isLessThan(1e-6);
    }
}
