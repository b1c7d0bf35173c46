package dev.ebm.energies;

import static dev.ebm.energies.EnergyChecks.energy;
import static dev.ebm.energies.EnergyChecks.problems;
import static dev.ebm.energies.EnergyChecks.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.MlpSpec;
import dev.ebm.energies.spec.MultiscaleSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The multi-scale energy: pooling, composition, naming, gradients and the shape checks at build time. */
class MultiscaleEnergyTest {
    private static final String MLPS = "{\"type\":\"multiscale\",\"scales\":[{\"type\":\"mlp\",\"hidden\":[5]},"
            + "{\"type\":\"mlp\",\"hidden\":[4]},{\"type\":\"mlp\",\"hidden\":[3]}]}";

    @Test
    void serviceLoaderFindsIt() {
        assertThat(PluginRegistry.load().types(Kind.ENERGY)).contains("multiscale");
        MultiscaleSpec s = (MultiscaleSpec) spec(MLPS);
        assertThat(s.poolKernel()).isEqualTo(3);
        assertThat(s.poolPadding()).isEqualTo(1);
    }

    /** Σ_i mlp_i(pool^i(x)) with the pooling written out in loops: PyTorch's avg_pool2d(x, k, 2, p), zeros counted. */
    @Test
    void theEnergyIsTheSumOfTheScalesEnergiesOnThePooledImages() {
        for (int[] pool : new int[][] {{3, 1}, {2, 0}}) {
            String json = MLPS.replace("]}]}", "]}],\"poolKernel\":" + pool[0] + ",\"poolPadding\":" + pool[1] + "}");
            EnergyFunction e = energy(json, DataType.DOUBLE, 2, 9, 8);
            Nd4j.getRandom().setSeed(2);
            INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 9, 8);
            double[][][][] img = toArray(x);
            double[] expected = new double[3];
            for (int i = 0; i < 3; i++) {
                if (i > 0) {
                    img = pool(img, pool[0], pool[1]);
                }
                INDArray xi = fromArray(img);
                long size = xi.length() / 3;
                Mlp mlp = new Mlp(new MlpSpec(List.of(5 - i), null, null, null), size, DataType.DOUBLE, new Rng(1));
                ParameterSet sub = e.parameters().select("scale" + i + ".");
                assertThat(sub.names()).containsExactly("w0", "b0", "w1", "b1");
                mlp.parameters().arrays().forEach((name, a) -> a.assign(sub.get(name).value()));
                double[] ei = mlp.energy(Tensor.constant(xi)).value().toDoubleVector();
                for (int n = 0; n < 3; n++) {
                    expected[n] += ei[n];
                }
            }
            // 9x8 -> 5x4 -> 3x2 (3x3 windows, padding 1) or 9x8 -> 4x4 -> 2x2 (2x2 blocks)
            assertThat(e.parameters().get("scale2.w0").shape()[0]).isEqualTo(pool[0] == 3 ? 2 * 3 * 2 : 2 * 2 * 2);
            assertThat(e.energy(Tensor.constant(x)).value().toDoubleVector()).containsExactly(expected,
                    within(1e-12));
        }
    }

    private static double[][][][] pool(double[][][][] a, int k, int p) {
        int h = a[0][0].length;
        int w = a[0][0][0].length;
        int oh = Math.floorDiv(h + 2 * p - k, 2) + 1;
        int ow = Math.floorDiv(w + 2 * p - k, 2) + 1;
        double[][][][] out = new double[a.length][a[0].length][oh][ow];
        for (int n = 0; n < a.length; n++) {
            for (int c = 0; c < a[0].length; c++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double s = 0;
                        for (int di = 0; di < k; di++) {
                            for (int dj = 0; dj < k; dj++) {
                                int r = 2 * i - p + di;
                                int q = 2 * j - p + dj;
                                s += r >= 0 && r < h && q >= 0 && q < w ? a[n][c][r][q] : 0;
                            }
                        }
                        out[n][c][i][j] = s / (k * k);
                    }
                }
            }
        }
        return out;
    }

    private static double[][][][] toArray(INDArray x) {
        long[] s = x.shape();
        double[][][][] a = new double[(int) s[0]][(int) s[1]][(int) s[2]][(int) s[3]];
        for (int n = 0; n < s[0]; n++) {
            for (int c = 0; c < s[1]; c++) {
                for (int i = 0; i < s[2]; i++) {
                    for (int j = 0; j < s[3]; j++) {
                        a[n][c][i][j] = x.getDouble(n, c, i, j);
                    }
                }
            }
        }
        return a;
    }

    private static INDArray fromArray(double[][][][] a) {
        INDArray x = Nd4j.create(DataType.DOUBLE, a.length, a[0].length, a[0][0].length, a[0][0][0].length);
        for (int n = 0; n < a.length; n++) {
            for (int c = 0; c < a[0].length; c++) {
                for (int i = 0; i < a[0][0].length; i++) {
                    for (int j = 0; j < a[0][0][0].length; j++) {
                        x.putScalar(new long[] {n, c, i, j}, a[n][c][i][j]);
                    }
                }
            }
        }
        return x;
    }

    @Test
    void cnnScalesWithSpectralNormHaveExactGradientsOfFirstAndSecondOrder() {
        EnergyFunction e = energy("{\"type\":\"multiscale\",\"scales\":["
                + "{\"type\":\"cnn\",\"channels\":[2],\"strides\":[2],\"spectralNorm\":true},"
                + "{\"type\":\"cnn\",\"channels\":[2],\"kernels\":[2],\"paddingMode\":\"same\",\"head\":[2]},"
                + "{\"type\":\"mlp\",\"hidden\":[2],\"activation\":\"softplus\",\"spectralNorm\":true}]}",
                DataType.DOUBLE, 1, 6, 6);
        assertThat(e.parameters().names()).containsExactly("scale0.w0", "scale0.b0", "scale0.w1", "scale0.b1",
                "scale1.w0", "scale1.b0", "scale1.w1", "scale1.b1", "scale1.w2", "scale1.b2", "scale2.w0",
                "scale2.b0", "scale2.w1", "scale2.b1");
        assertThat(e.state().keySet()).containsExactly("scale0.w0.u", "scale0.w0.v", "scale2.w0.u", "scale2.w0.v");
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 6, 6).subi(0.5).muli(2);
        EnergyChecks.gradientsMatchFiniteDifferences(e, x);
        EnergyChecks.inputGradientNormGradientMatchesFiniteDifferences(e, x);
    }

    @Test
    void stateIsForwardedToEachScale() {
        String json = "{\"type\":\"multiscale\",\"scales\":[{\"type\":\"mlp\",\"spectralNorm\":true},"
                + "{\"type\":\"mlp\",\"hidden\":[4],\"spectralNorm\":true}]}";
        EnergyFunction e = energy(json, DataType.FLOAT, 1, 6, 6);
        Map<String, INDArray> before = new java.util.LinkedHashMap<>();
        e.state().forEach((k, v) -> before.put(k, v.dup()));
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 6, 6);
        INDArray first = e.energy(Tensor.constant(x)).value().dup();
        e.afterUpdate();
        before.forEach((k, v) -> assertThat(e.state().get(k)).as(k).isNotEqualTo(v));
        EnergyFunction other = EnergyChecks.seeded(json, DataType.FLOAT, 5, 1, 6, 6);
        other.parameters().arrays().forEach((name, a) -> a.assign(e.parameters().arrays().get(name)));
        other.restore(before);
        assertThat(other.energy(Tensor.constant(x)).value().toDoubleVector())
                .containsExactly(first.toDoubleVector());
    }

    @Test
    void energiesThatDoNotFitTheirScaleAreRefusedNamingBothShapes() {
        // a 3x3 kernel without padding fits 8x8 and 4x4, not the quarter scale's 2x2
        assertThat(problems(() -> energy("{\"type\":\"multiscale\",\"poolKernel\":2,\"poolPadding\":0,\"scales\":["
                + "{\"type\":\"cnn\",\"channels\":[2],\"padding\":0},{\"type\":\"cnn\",\"channels\":[2],"
                + "\"padding\":0},{\"type\":\"cnn\",\"channels\":[2],\"padding\":0}]}", DataType.FLOAT, 1, 8, 8)))
                .containsExactly("scales[2].kernel: a 3x3 kernel with padding 0 does not fit: the spatial size of "
                        + "the 2x2 input goes 2x2 -> 0x0 at convolution 0 (stride 1) (scale 2 sees the [1, 8, 8] "
                        + "samples pooled 2 time(s) to [1, 2, 2])");
        assertThat(problems(() -> energy("{\"type\":\"multiscale\",\"poolKernel\":2,\"poolPadding\":0,\"scales\":["
                + "{\"type\":\"mlp\"},{\"type\":\"mlp\"},{\"type\":\"mlp\"},{\"type\":\"mlp\"}]}", DataType.FLOAT,
                1, 4, 4))).containsExactly("scales[3]: the 1x1 image of scale 2 cannot be pooled again with a 2x2 "
                        + "window and padding 0 (samples of shape [1, 4, 4] have 3 scale(s) at most)");
        assertThat(problems(() -> energy(MLPS, DataType.FLOAT, 2))).containsExactly(
                "type: the multiscale energy needs image samples of shape [C, H, W], found [2]");
        // a fixed-size energy at a scale: the gaussian's dimension against the pooled image's
        assertThat(problems(() -> energy("{\"type\":\"multiscale\",\"scales\":[{\"type\":\"mlp\"},"
                + "{\"type\":\"gaussian\",\"mean\":[0,0,0,0]}]}", DataType.FLOAT, 1, 6, 6))).containsExactly(
                "scales[1].mean: has dimension 4, but the samples have 9 coordinates (shape [1, 3, 3]) (scale 1 "
                        + "sees the [1, 6, 6] samples pooled 1 time(s) to [1, 3, 3])");
    }

    @Test
    void specProblemsAreReportedWithTheirPaths() {
        assertThat(problems(() -> spec("{\"type\":\"multiscale\",\"scales\":[]}"))).containsExactly(
                "scales: must list at least one energy (full resolution first), found []");
        assertThat(problems(() -> spec("{\"type\":\"multiscale\",\"scales\":[{\"type\":\"mlp\"},{\"type\":\"cn\"},"
                + "{\"type\":\"cnn\",\"kernel\":0}],\"poolKernel\":2,\"poolPadding\":2}"))).containsExactly(
                "scales[1].type: unknown 'cn'; known: [cnn, gaussian, mlp, multiscale]",
                "scales[2].kernel: must be > 0, found 0");
        assertThat(problems(() -> spec("{\"type\":\"multiscale\",\"scales\":[{\"type\":\"mlp\"}],\"poolKernel\":2,"
                + "\"poolPadding\":2}"))).containsExactly("poolPadding: must be at most half of poolKernel (2), "
                + "found 2");
    }
}
