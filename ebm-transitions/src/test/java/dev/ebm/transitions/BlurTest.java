package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import dev.ebm.testkit.Stats;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The {@code blur} transition: kernel, preserved intensity, and σ uniform on its range. */
class BlurTest {

    /** The normalised Gaussian of std σ truncated at ⌊4σ + 0.5⌋, index m + r. */
    static double[] kernel(double sigma) {
        int r = (int) (4 * sigma + 0.5);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int m = -r; m <= r; m++) {
            k[m + r] = r == 0 ? 1 : Math.exp(-m * m / (2 * sigma * sigma));
            sum += k[m + r];
        }
        for (int m = 0; m < k.length; m++) {
            k[m] /= sum;
        }
        return k;
    }

    /** Unit impulses at the centre of {@code size × size} images. */
    static INDArray impulses(int n, int size) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, n, 1, size, size);
        for (int k = 0; k < n; k++) {
            x.putScalar(new long[] {k, 0, size / 2, size / 2}, 1.0);
        }
        return x;
    }

    /** Far from the border, the blurred impulse is the outer product of the 1-D kernel with itself. */
    @Test
    void anImpulseBecomesTheSeparableKernel() {
        int size = 31;
        double sigma = 1.7;
        Transition t = Plugins.transition("{\"type\":\"blur\",\"sigma\":[" + sigma + "," + sigma + "]}", 1, size,
                size);
        double[] out = Plugins.values(t.apply(impulses(2, size), new Rng(1)));
        double[] k = kernel(sigma);
        int r = k.length / 2;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                int di = i - size / 2;
                int dj = j - size / 2;
                double expected = Math.abs(di) <= r && Math.abs(dj) <= r ? k[di + r] * k[dj + r] : 0;
                assertThat(out[i * size + j]).as("(%d, %d)", i, j).isCloseTo(expected, within(1e-15));
                assertThat(out[size * size + i * size + j]).isCloseTo(expected, within(1e-15));
            }
        }
    }

    /**
     * With reflection at the borders, every channel of every image keeps its sum to 1e-12 (relative), also for
     * kernels wider than the image (σ up to 5 on 9 × 13 images: radius 20) and near the borders.
     */
    @Test
    void blurKeepsTheTotalIntensityOfEveryChannel() {
        int n = 200;
        int h = 9;
        int w = 13;
        Transition t = Plugins.transition("{\"type\":\"blur\",\"sigma\":[0,5]}", 2, h, w);
        INDArray x = new Rng(2).uniform(DataType.DOUBLE, n, 2, h, w).muli(3).subi(1);
        double[] in = Plugins.values(x);
        double[] out = Plugins.values(t.apply(x, new Rng(3)));
        double worst = 0;
        int changed = 0;
        for (int plane = 0; plane < n * 2; plane++) {
            double a = 0;
            double b = 0;
            double abs = 0;
            boolean same = true;
            for (int p = plane * h * w; p < (plane + 1) * h * w; p++) {
                a += in[p];
                b += out[p];
                abs += Math.abs(in[p]);
                same &= in[p] == out[p];
            }
            worst = Math.max(worst, Math.abs(a - b) / abs);
            changed += same ? 0 : 1;
        }
        System.out.printf("[blur] largest relative change of a channel's sum over %d channels: %.3g%n", n * 2, worst);
        assertThat(worst).isLessThan(1e-12);
        assertThat(changed).isGreaterThan(n * 2 * 9 / 10);
    }

    /**
     * σ is uniform on [0.5, 3]: each image's σ is recovered from its blurred impulse's variance Σ m²·w_m (a
     * monotone function of σ, inverted by bisection on the reference kernel), then tested by KS against the uniform.
     */
    @Test
    void sigmaIsUniformOnItsRange() {
        int n = 3000;
        int size = 41;
        Transition t = Plugins.transition("{\"type\":\"blur\",\"sigma\":[0.5,3]}", 1, size, size);
        double[] out = Plugins.values(t.apply(impulses(n, size), new Rng(4)));
        double[] sigmas = new double[n];
        for (int k = 0; k < n; k++) {
            double v = 0;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    double di = i - size / 2;
                    v += di * di * out[k * size * size + i * size + j];
                }
            }
            sigmas[k] = invertVariance(v);
        }
        Stats.Ks ks = Stats.ks(sigmas, s -> Math.min(1, Math.max(0, (s - 0.5) / 2.5)));
        Stats.Ks wrong = Stats.ks(sigmas, s -> Math.min(1, Math.max(0, (s - 0.6) / 2.4)));
        System.out.printf("[blur] sigma of %d images: %s; against U[0.6, 3]: %s%n", n, ks, wrong);
        assertThat(ks.p()).isGreaterThan(1e-3);
        assertThat(wrong.p()).isLessThan(1e-3);
    }

    private static double variance(double sigma) {
        double[] k = kernel(sigma);
        int r = k.length / 2;
        double v = 0;
        for (int m = -r; m <= r; m++) {
            v += m * m * k[m + r];
        }
        return v;
    }

    private static double invertVariance(double v) {
        double lo = 0.3;
        double hi = 3.5;
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            if (variance(mid) < v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    @Test
    void zeroSigmaIsTheIdentity() {
        Transition t = Plugins.transition("{\"type\":\"blur\",\"sigma\":[0,0.1]}", 1, 6, 7);
        INDArray x = new Rng(5).uniform(DataType.FLOAT, 10, 1, 6, 7);
        assertThat(t.apply(x, new Rng(6)).data().asFloat()).isEqualTo(x.dup('c').data().asFloat());
    }
}
