package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import dev.ebm.testkit.Stats;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code jitter} transition: shifts are uniform on [−p, p]² (chi-square), each image is its input shifted with
 * the declared fill (compared with a direct reference implementation), and the input is untouched.
 */
class JitterTest {
    static final int N = 20_000;
    static final int H = 9;
    static final int W = 11;

    /** Images whose only non-zero pixel is (H/2, W/2) = 1 in both channels. */
    static INDArray impulses(int n) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, n, 2, H, W);
        for (int k = 0; k < n; k++) {
            x.putScalar(new long[] {k, 0, H / 2, W / 2}, 1.0);
            x.putScalar(new long[] {k, 1, H / 2, W / 2}, 1.0);
        }
        return x;
    }

    /** The shift (dy, dx) of each impulse image, read from where its pixel went (zero fill). */
    static int[][] shifts(INDArray y) {
        double[] v = Plugins.values(y);
        int n = (int) y.size(0);
        int[][] s = new int[n][];
        for (int k = 0; k < n; k++) {
            int found = -1;
            for (int p = 0; p < H * W; p++) {
                if (v[k * 2 * H * W + p] != 0) {
                    assertThat(found).as("image " + k + " has one lit pixel").isEqualTo(-1);
                    found = p;
                }
            }
            assertThat(found).as("image " + k + " kept its pixel").isGreaterThanOrEqualTo(0);
            assertThat(v[k * 2 * H * W + H * W + found]).as("channel 1 moves with channel 0").isEqualTo(1.0);
            s[k] = new int[] {found / W - H / 2, found % W - W / 2};
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void shiftsAreUniformOverTheSquare(int p) {
        Transition t = Plugins.transition("{\"type\":\"jitter\",\"pixels\":" + p + ",\"fill\":\"zero\"}", 2, H, W);
        INDArray x = impulses(N);
        double[] before = Plugins.values(x);
        int[][] s = shifts(t.apply(x, new Rng(10 + p)));
        assertThat(Plugins.values(x)).as("input after the transition").isEqualTo(before);
        int side = 2 * p + 1;
        long[] counts = new long[side * side];
        for (int[] d : s) {
            assertThat(Math.abs(d[0])).isLessThanOrEqualTo(p);
            assertThat(Math.abs(d[1])).isLessThanOrEqualTo(p);
            counts[(d[0] + p) * side + d[1] + p]++;
        }
        double[] prob = new double[counts.length];
        Arrays.fill(prob, 1.0 / counts.length);
        Stats.ChiSquare c = Stats.chiSquare(counts, prob);
        System.out.printf("[jitter] pixels %d: shifts of %d images %s%n", p, N, c);
        assertThat(c.p()).isGreaterThan(1e-3);
        assertThat(counts[p * side + p]).as("unshifted images").isPositive();
    }

    /** Reference: output (i, j) = input (i − dy, j − dx), the source index filled as declared. */
    static double[] reference(double[] in, int n, int c, int[][] s, String fill) {
        double[] out = new double[in.length];
        for (int k = 0; k < n; k++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < H; i++) {
                    for (int j = 0; j < W; j++) {
                        int si = i - s[k][0];
                        int sj = j - s[k][1];
                        boolean inside = si >= 0 && si < H && sj >= 0 && sj < W;
                        double v;
                        if (inside) {
                            v = in[((k * c + ch) * H + si) * W + sj];
                        } else if (fill.equals("zero")) {
                            v = 0;
                        } else if (fill.equals("wrap")) {
                            v = in[((k * c + ch) * H + Math.floorMod(si, H)) * W + Math.floorMod(sj, W)];
                        } else {
                            v = in[((k * c + ch) * H + Math.max(0, Math.min(H - 1, si))) * W
                                    + Math.max(0, Math.min(W - 1, sj))];
                        }
                        out[((k * c + ch) * H + i) * W + j] = v;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The shifts depend only on the generator and the batch size, so impulse images jittered with the same
     * generator reveal the shifts applied to random images; those must equal the reference exactly.
     */
    @ParameterizedTest
    @ValueSource(strings = {"edge", "zero", "wrap"})
    void imagesAreShiftedWithTheDeclaredFill(String fill) {
        int n = 500;
        Transition t = Plugins.transition("{\"type\":\"jitter\",\"pixels\":4,\"fill\":\"" + fill + "\"}", 2, H, W);
        Transition probe = Plugins.transition("{\"type\":\"jitter\",\"pixels\":4,\"fill\":\"zero\"}", 2, H, W);
        INDArray x = new Rng(20).uniform(DataType.FLOAT, n, 2, H, W).addi(0.5);
        double[] before = Plugins.values(x);
        INDArray y = t.apply(x, new Rng(21));
        int[][] s = shifts(probe.apply(impulses(n), new Rng(21)));
        assertThat(Plugins.values(x)).as("input after the transition").isEqualTo(before);
        assertThat(y.shape()).containsExactly(n, 2, H, W);
        assertThat(y.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(Plugins.values(y)).isEqualTo(reference(before, n, 2, s, fill));
        long moved = Arrays.stream(s).filter(d -> d[0] != 0 || d[1] != 0).count();
        assertThat(moved).isGreaterThan(n * 3 / 4);
    }

    @Test
    void refusesWhatIsNotAnImageBatch() {
        assertThatThrownBy(() -> Plugins.transition("{\"type\":\"jitter\",\"pixels\":1}", 2))
                .hasMessageContaining("jitter acts on images [C, H, W], but the samples have shape [2]");
        Transition t = Plugins.transition("{\"type\":\"jitter\",\"pixels\":1}");
        assertThatThrownBy(() -> t.apply(Nd4j.zeros(DataType.FLOAT, 4, 2), new Rng(1)))
                .hasMessageContaining("jitter acts on images [N, C, H, W], found shape [4, 2]");
    }
}
