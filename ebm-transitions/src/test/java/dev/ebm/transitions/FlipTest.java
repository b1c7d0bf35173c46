package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@code flip} transition mirrors each image, all channels together, with probability p. */
class FlipTest {
    static final int N = 20_000;
    static final int C = 2;
    static final int H = 3;
    static final int W = 5;

    /**
     * Every output image equals its input or its exact mirror; the number mirrored is Binomial(N, p) (exact
     * two-sided test, p-value > 1e-3), and p = 0 / p = 1 flip none / all.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5, 1.0})
    void flipsEachImageWithProbabilityP(double p) {
        Transition t = Plugins.transition("{\"type\":\"flip\",\"p\":" + p + "}", C, H, W);
        INDArray x = new Rng(30).uniform(DataType.FLOAT, N, C, H, W);
        double[] in = Plugins.values(x);
        INDArray y = t.apply(x, new Rng(31));
        assertThat(Plugins.values(x)).as("input after the transition").isEqualTo(in);
        assertThat(y.shape()).containsExactly(N, C, H, W);
        assertThat(y.dataType()).isEqualTo(DataType.FLOAT);
        double[] out = Plugins.values(y);
        int size = C * H * W;
        int flipped = 0;
        for (int k = 0; k < N; k++) {
            boolean same = true;
            boolean mirror = true;
            for (int ch = 0; ch < C; ch++) {
                for (int i = 0; i < H; i++) {
                    for (int j = 0; j < W; j++) {
                        double o = out[k * size + (ch * H + i) * W + j];
                        same &= o == in[k * size + (ch * H + i) * W + j];
                        mirror &= o == in[k * size + (ch * H + i) * W + (W - 1 - j)];
                    }
                }
            }
            assertThat(same || mirror).as("image " + k + " is its input or its mirror").isTrue();
            flipped += mirror ? 1 : 0;
        }
        double pValue = BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                .test(N, flipped, p).getPValue();
        System.out.printf("[flip] p %.2f: %d of %d images mirrored, binomial p-value %.3g%n", p, flipped, N, pValue);
        if (p == 0 || p == 1) {
            assertThat(flipped).isEqualTo((int) (p * N));
        } else {
            assertThat(pValue).isGreaterThan(1e-3);
        }
    }
}
