package dev.ebm.energies;

import static dev.ebm.energies.EnergyChecks.energy;
import static dev.ebm.energies.EnergyChecks.problems;
import static dev.ebm.energies.EnergyChecks.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.EnergyFunction;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.CnnSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The cnn energy's dense head, per-layer kernels, SAME padding and bias-free convolutions. */
class CnnHeadTest {
    /** MnistNet of the IGEBM code (openai/ebm_code_release, models.py) with its default flags. */
    static final String IGEBM = "{\"type\":\"cnn\",\"channels\":[64,64,128,256],\"kernels\":[3,4,4,4],"
            + "\"strides\":[1,2,2,2],\"paddingMode\":\"same\",\"convBias\":false,\"head\":[128],"
            + "\"activation\":\"leaky-relu\",\"leak\":0.2,\"spectralNorm\":true}";

    @Test
    void theIgebmMnistNetHasTheReferenceLayersAndParameterCount() {
        CnnSpec s = (CnnSpec) spec(IGEBM);
        // SAME padding: 28 -> 28 (3x3, stride 1) -> 14 -> 7 -> 4 (4x4, stride 2: TensorFlow pads 7 with 1 above, 2 below)
        List<ConvLayer> plan = ConvLayer.plan(s, new long[] {1, 28, 28});
        assertThat(plan).containsExactly(new ConvLayer(3, 1, 1, 0, 0, 0, 0, 28, 28),
                new ConvLayer(4, 2, 1, 0, 0, 0, 0, 14, 14), new ConvLayer(4, 2, 1, 0, 0, 0, 0, 7, 7),
                new ConvLayer(4, 2, 1, 0, 1, 0, 1, 4, 4));
        assertThat(Cnn.outputShape(s, new long[] {1, 28, 28})).containsExactly(256, 4, 4);
        // the memory estimate follows the same plan: 64·28² + 64·14² + 128·7² + 256·4² activations per image
        assertThat(ActivationSizes.cnnUnits(s, new long[] {1, 28, 28})).isEqualTo(50_176 + 12_544 + 6_272 + 4_096);
        EnergyFunction e = energy(IGEBM, DataType.FLOAT, 1, 28, 28);
        Map<String, INDArray> p = e.parameters().arrays();
        // c1_pre, c1, c2, c3 (no bias: conv_block's use_bias=False), fc_dense 4*4*4*64 -> 2*64, fc5 128 -> 1
        assertThat(p.keySet()).containsExactly("w0", "w1", "w2", "w3", "w4", "b4", "w5", "b5");
        long[][] shapes = {{64, 1, 3, 3}, {64, 64, 4, 4}, {128, 64, 4, 4}, {256, 128, 4, 4}, {4096, 128}, {1, 128},
            {128, 1}, {1, 1}};
        int i = 0;
        for (INDArray a : p.values()) {
            assertThat(a.shape()).containsExactly(shapes[i++]);
        }
        // 576 + 65,536 + 131,072 + 524,288 + 524,416 + 129: the weights MnistNet's forward pass uses
        assertThat(e.parameters().size()).isEqualTo(1_246_017);
        // spectral norm on the four convolutions and fc_dense, not on fc5 (init_fc_weight(..., spec_norm=False))
        assertThat(e.state().keySet()).containsExactly("w0.u", "w0.v", "w1.u", "w1.v", "w2.u", "w2.v", "w3.u",
                "w3.v", "w4.u", "w4.v");
        assertThat(e.state().get("w3.u").shape()).containsExactly(256, 1);
        assertThat(e.state().get("w3.v").shape()).containsExactly(128 * 16, 1);
        assertThat(e.state().get("w4.u").shape()).containsExactly(128, 1);
        assertThat(e.state().get("w4.v").shape()).containsExactly(4096, 1);
        Tensor energies = e.energy(Tensor.constant(Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28)));
        assertThat(energies.shape()).containsExactly(2);
    }

    /**
     * On a 3×3 image, a 2×2 kernel of ones with stride 2 and SAME padding sums the blocks {x00, x01, x10, x11},
     * {x02, x12}, {x20, x21}, {x22} (one zero row below, one zero column right); explicit padding 1 would pad
     * above and left instead. A dense layer with weights 1, 10, 100, 1000 tells the four outputs apart.
     */
    @Test
    void samePaddingPadsTheOddRowBelowAndTheOddColumnRight() {
        EnergyFunction same = energy("{\"type\":\"cnn\",\"channels\":[1],\"kernels\":[2],\"strides\":[2],"
                + "\"paddingMode\":\"same\",\"convBias\":false,\"activation\":\"leaky-relu\",\"leak\":1.0}",
                DataType.DOUBLE, 1, 3, 3);
        Map<String, INDArray> p = same.parameters().arrays();
        p.get("w0").assign(1.0);
        p.get("w1").assign(Nd4j.createFromArray(1.0, 10.0, 100.0, 1000.0).reshape(4, 1));
        p.get("b1").assign(0.0);
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        INDArray img = Nd4j.createFromArray(x).reshape(1, 1, 3, 3);
        double expected = (1 + 2 + 4 + 5) + 10 * (3 + 6) + 100 * (7 + 8) + 1000 * 9;
        assertThat(same.energy(Tensor.constant(img)).item()).isCloseTo(expected, within(1e-9));

        EnergyFunction explicit = energy("{\"type\":\"cnn\",\"channels\":[1],\"kernels\":[2],\"strides\":[2],"
                + "\"padding\":1,\"convBias\":false,\"activation\":\"leaky-relu\",\"leak\":1.0}", DataType.DOUBLE,
                1, 3, 3);
        explicit.parameters().arrays().forEach((name, a) -> a.assign(p.get(name)));
        assertThat(explicit.energy(Tensor.constant(img)).item()).isCloseTo(1 + 10 * (2 + 3) + 100 * (4 + 7)
                + 1000 * (5 + 6 + 8 + 9), within(1e-9));
    }

    @Test
    void headAndSamePaddingGradientsMatchFiniteDifferences() {
        EnergyFunction e = energy("{\"type\":\"cnn\",\"channels\":[2,3],\"kernels\":[3,4],\"strides\":[1,2],"
                + "\"paddingMode\":\"same\",\"convBias\":false,\"head\":[5,4],\"activation\":\"swish\"}",
                DataType.DOUBLE, 1, 7, 7);
        assertThat(e.parameters().names()).containsExactly("w0", "w1", "w2", "b2", "w3", "b3", "w4", "b4");
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 7, 7).subi(0.5).muli(4);
        EnergyChecks.gradientsMatchFiniteDifferences(e, x);
        EnergyChecks.inputGradientNormGradientMatchesFiniteDifferences(e, x);
    }

    @Test
    void defaultsStayTheCnn28NetworkAndSpectralNormLeavesTheWeightsAlone() {
        CnnSpec s = (CnnSpec) spec("{\"type\":\"cnn\"}");
        assertThat(s.head()).isEmpty();
        assertThat(s.kernels()).isNull();
        assertThat(s.paddingMode()).isEqualTo("explicit");
        assertThat(s.convBias()).isTrue();
        assertThat(s.spectralNorm()).isFalse();
        // the weights do not depend on whether spectral norm is on: its vectors are drawn after them
        EnergyFunction plain = energy("{\"type\":\"cnn\",\"channels\":[4,4]}", DataType.FLOAT, 1, 8, 8);
        EnergyFunction normed = energy("{\"type\":\"cnn\",\"channels\":[4,4],\"spectralNorm\":true}",
                DataType.FLOAT, 1, 8, 8);
        plain.parameters().arrays().forEach((name, a) ->
                assertThat(normed.parameters().arrays().get(name)).as(name).isEqualTo(a));
        assertThat(plain.state()).isEmpty();
    }

    @Test
    void specProblemsOfTheNewFieldsAreAllReported() {
        assertThat(problems(() -> spec("{\"type\":\"cnn\",\"channels\":[4,4],\"kernel\":3,\"kernels\":[3,0,2],"
                + "\"paddingMode\":\"same\",\"padding\":2,\"head\":[0],\"spectralNormOutput\":true}")))
                .containsExactly(
                        "kernel: must not be given together with kernels, found kernel: 3 and kernels: [3, 0, 2]",
                        "kernels: must have one entry per convolution (2, as channels), found 3: [3, 0, 2]",
                        "kernels[1]: must be > 0, found 0",
                        "padding: must not be given with paddingMode: same (the padding of each convolution "
                                + "follows from its input size), found 2",
                        "head[0]: must be > 0, found 0",
                        "spectralNormOutput: needs spectralNorm: true, found spectralNorm: false");
        assertThat(problems(() -> spec("{\"type\":\"cnn\",\"paddingMode\":\"valid\"}"))).containsExactly(
                "paddingMode: unknown 'valid'; known: [explicit, same]");
        assertThat(problems(() -> energy("{\"type\":\"cnn\",\"channels\":[4,4],\"kernels\":[3,5],\"padding\":0}",
                DataType.FLOAT, 1, 6, 6))).containsExactly("kernels[1]: a 5x5 kernel with padding 0 does not fit: "
                + "the spatial size of the 6x6 input goes 6x6 -> 4x4 -> 0x0 at convolution 1 (stride 2)");
    }
}
