package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import dev.ebm.testkit.Stats;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code brightness} and {@code contrast}: per image a factor uniform on its range, acting on the unit-scale pixel
 * values as torchvision's ColorJitter does, in images scaled to [0, 1] or [−1, 1].
 */
class PhotometricTest {
    static final int N = 4000;
    static final int SIZE = 6 * 7;

    /** Images with unit-scale values in [lo, hi] for the pixel range [black, white]. */
    static INDArray images(int channels, double lo, double hi, double black, double white, long seed) {
        return new Rng(seed).uniform(DataType.DOUBLE, N, channels, 6, 7).muli(hi - lo).addi(lo)
                .muli(white - black).addi(black);
    }

    /**
     * Brightness in images scaled to [−1, 1] (unit values in [0.05, 0.5], factors in [0.5, 1.5]: no clamping):
     * every pixel's distance from black (−1) is multiplied by the same b per image; the b are U[0.5, 1.5] (KS), so
     * their mean is 1 and variance 1/12; black pixels stay black exactly.
     */
    @Test
    void brightnessScalesTheDistanceFromBlackByAUniformFactor() {
        Transition t = Plugins.transition("{\"type\":\"brightness\",\"factor\":[0.5,1.5],\"range\":[-1,1]}", 1, 6, 7);
        INDArray x = images(1, 0.05, 0.5, -1, 1, 1);
        x.putScalar(new long[] {0, 0, 0, 0}, -1.0);
        double[] in = Plugins.values(x);
        double[] out = Plugins.values(t.apply(x, new Rng(2)));
        double[] b = new double[N];
        for (int k = 0; k < N; k++) {
            b[k] = (out[k * SIZE + 1] + 1) / (in[k * SIZE + 1] + 1);
            for (int p = k * SIZE + 1; p < (k + 1) * SIZE; p++) {
                assertThat(out[p] + 1).isCloseTo(b[k] * (in[p] + 1), within(1e-12));
            }
        }
        assertThat(out[0]).isEqualTo(-1.0);
        Stats.Ks ks = Stats.ks(b, v -> Math.min(1, Math.max(0, v - 0.5)));
        System.out.printf("[brightness] factors of %d images: mean %.4f (1), variance %.5f (1/12 = %.5f), %s%n", N,
                Stats.mean(b), Stats.variance(b), 1.0 / 12, ks);
        assertThat(ks.p()).isGreaterThan(1e-3);
        assertThat(Stats.mean(b)).isCloseTo(1, within(4 * Math.sqrt(1.0 / 12 / N)));
    }

    /**
     * Contrast of one-channel images in [0, 1] (unit values in [0.25, 0.75], factors in [0.5, 1.5]: no clamping):
     * each image keeps its mean, its pixels' standard deviation is multiplied by c, and the c are U[0.5, 1.5].
     */
    @Test
    void contrastKeepsTheMeanAndScalesTheSpreadByAUniformFactor() {
        Transition t = Plugins.transition("{\"type\":\"contrast\",\"factor\":[0.5,1.5],\"range\":[0,1]}", 1, 6, 7);
        INDArray x = images(1, 0.25, 0.75, 0, 1, 3);
        double[] in = Plugins.values(x);
        double[] out = Plugins.values(t.apply(x, new Rng(4)));
        double[] c = new double[N];
        for (int k = 0; k < N; k++) {
            double[] a = java.util.Arrays.copyOfRange(in, k * SIZE, (k + 1) * SIZE);
            double[] o = java.util.Arrays.copyOfRange(out, k * SIZE, (k + 1) * SIZE);
            assertThat(Stats.mean(o)).isCloseTo(Stats.mean(a), within(1e-12));
            c[k] = Math.sqrt(Stats.variance(o) / Stats.variance(a));
        }
        Stats.Ks ks = Stats.ks(c, v -> Math.min(1, Math.max(0, v - 0.5)));
        System.out.printf("[contrast] factors of %d images: mean %.4f (1), %s%n", N, Stats.mean(c), ks);
        assertThat(ks.p()).isGreaterThan(1e-3);
    }

    /**
     * Three channels in [−1, 1]: the grey level is torchvision's 0.2989 R + 0.587 G + 0.114 B of the unit-scale
     * values; every pixel becomes c·u + (1 − c)·m with the c recovered from one pixel (c ≤ 1: a blend of values
     * in [0, 1], never clamped).
     */
    @Test
    void contrastOfColourImagesBlendsWithTheMeanGreyLevel() {
        Transition t = Plugins.transition("{\"type\":\"contrast\",\"factor\":[0.2,1],\"range\":[-1,1]}", 3, 6, 7);
        INDArray x = new Rng(5).uniform(DataType.DOUBLE, 50, 3, 6, 7).muli(2).subi(1);
        double[] in = Plugins.values(x);
        double[] out = Plugins.values(t.apply(x, new Rng(6)));
        int hw = 42;
        for (int k = 0; k < 50; k++) {
            double m = 0;
            double[] luma = {0.2989, 0.587, 0.114};
            for (int ch = 0; ch < 3; ch++) {
                for (int p = 0; p < hw; p++) {
                    m += luma[ch] * (in[(k * 3 + ch) * hw + p] + 1) / 2 / hw;
                }
            }
            double u0 = (in[k * 3 * hw] + 1) / 2;
            double c = ((out[k * 3 * hw] + 1) / 2 - m) / (u0 - m);
            for (int p = k * 3 * hw; p < (k + 1) * 3 * hw; p++) {
                double u = c * (in[p] + 1) / 2 + (1 - c) * m;
                assertThat(out[p]).isCloseTo(2 * u - 1, within(1e-9));
            }
        }
    }

    /** Clamping keeps the results in the pixel range (torchvision's behaviour); without it they leave it. */
    @Test
    void resultsAreClampedToThePixelRangeUnlessAskedNotTo() {
        INDArray x = images(1, 0.6, 0.9, 0, 1, 7);
        INDArray clamped = Plugins.transition("{\"type\":\"brightness\",\"factor\":[2,2],\"range\":[0,1]}", 1, 6, 7)
                .apply(x, new Rng(8));
        INDArray free = Plugins.transition("{\"type\":\"brightness\",\"factor\":[2,2],\"range\":[0,1],\"clamp\":false}",
                1, 6, 7).apply(x, new Rng(8));
        assertThat(clamped.maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(Plugins.values(clamped)).containsOnly(1.0);
        assertThat(free.minNumber().doubleValue()).isGreaterThanOrEqualTo(1.2);
    }

    /** Without {@code range}, the pixel range is the data's bounding box: here [−1, 1], so −1 is black. */
    @Test
    void thePixelRangeDefaultsToTheDataBounds() {
        Box bounds = Box.uniform(42, -1, 1);
        Transition fromBounds = Plugins.transition("{\"type\":\"brightness\",\"factor\":[0.5,0.9]}", bounds, 1, 6, 7);
        Transition explicit = Plugins.transition("{\"type\":\"brightness\",\"factor\":[0.5,0.9],\"range\":[-1,1]}",
                1, 6, 7);
        INDArray x = images(1, 0, 1, -1, 1, 9);
        assertThat(Plugins.values(fromBounds.apply(x, new Rng(10))))
                .isEqualTo(Plugins.values(explicit.apply(x, new Rng(10))));
    }
}
