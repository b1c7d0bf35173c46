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

/**
 * The {@code crop-resize} transition. Its windows depend only on the generator and the image size, so ramp images
 * transformed with the same generator reveal the windows applied to any images; those must equal a reference
 * crop-and-resize written here from PyTorch's formulas.
 */
class CropResizeTest {
    static final int H = 30;
    static final int W = 40;

    /** {top, left, h, w} of the window that produced the transformed ramp image k. */
    static int[] window(double[] ramp, int k) {
        int left = (int) Math.round(ramp[(k * 2 * H) * W]);
        int top = (int) Math.round(ramp[((k * 2 + 1) * H) * W]);
        // the last output column samples the window at (W - 1/2)·w/W - 1/2 (w < W), or exactly w - 1 (w = W)
        double last = ramp[(k * 2 * H) * W + W - 1] - left;
        double lastRow = ramp[((k * 2 + 1) * H + H - 1) * W] - top;
        int w = (int) Math.round((last + 0.5) / (1 - 0.5 / W));
        int h = (int) Math.round((lastRow + 0.5) / (1 - 0.5 / H));
        return new int[] {top, left, h, w};
    }

    /** PyTorch's bilinear resize (align_corners=False) of the window of one plane back to H × W. */
    static double[] reference(double[] plane, int[] win) {
        double[] out = new double[H * W];
        for (int i = 0; i < H; i++) {
            double sy = Math.max(0, (i + 0.5) * win[2] / H - 0.5);
            int y0 = (int) sy;
            int y1 = y0 < win[2] - 1 ? y0 + 1 : y0;
            double ly = sy - y0;
            for (int j = 0; j < W; j++) {
                double sx = Math.max(0, (j + 0.5) * win[3] / W - 0.5);
                int x0 = (int) sx;
                int x1 = x0 < win[3] - 1 ? x0 + 1 : x0;
                double lx = sx - x0;
                double a = plane[(win[0] + y0) * W + win[1] + x0];
                double b = plane[(win[0] + y0) * W + win[1] + x1];
                double c = plane[(win[0] + y1) * W + win[1] + x0];
                double d = plane[(win[0] + y1) * W + win[1] + x1];
                out[i * W + j] = (1 - ly) * ((1 - lx) * a + lx * b) + ly * ((1 - lx) * c + lx * d);
            }
        }
        return out;
    }

    /**
     * Windows have area fractions in the scale range and aspect ratios in the ratio range (up to the rounding of h
     * and w), their mean area fraction is that of the uniform draw, their positions are uniform, and every output
     * pixel of random images equals the reference resize of its window.
     */
    @Test
    void windowsFollowTheRangesAndImagesAreResizedBilinearly() {
        int n = 3000;
        String spec = "{\"type\":\"crop-resize\",\"scale\":[0.2,0.9],\"ratio\":[0.5,2]}";
        Transition t = Plugins.transition(spec, 2, H, W);
        double[] ramp = Plugins.values(t.apply(Plugins.ramps(n, H, W).castTo(DataType.DOUBLE), new Rng(7)));
        INDArray x = new Rng(8).uniform(DataType.DOUBLE, n, 2, H, W);
        double[] in = Plugins.values(x);
        double[] out = Plugins.values(t.apply(x, new Rng(7)));
        double[] area = new double[n];
        double[] position = new double[n];
        for (int k = 0; k < n; k++) {
            int[] win = window(ramp, k);
            double a = (double) win[2] * win[3] / (H * W);
            // h and w are rounded from √(A/r) and √(A·r): the drawn A and r lie within half a pixel of them
            double h = win[2];
            double w = win[3];
            assertThat((h + 0.5) * (w + 0.5) / (H * W)).as("area of window %d", k).isGreaterThanOrEqualTo(0.2);
            assertThat((h - 0.5) * (w - 0.5) / (H * W)).as("area of window %d", k).isLessThanOrEqualTo(0.9);
            assertThat((w + 0.5) / (h - 0.5)).as("aspect of window %d", k).isGreaterThanOrEqualTo(0.5);
            assertThat((w - 0.5) / (h + 0.5)).as("aspect of window %d", k).isLessThanOrEqualTo(2);
            assertThat(win[0] + win[2]).isLessThanOrEqualTo(H);
            assertThat(win[1] + win[3]).isLessThanOrEqualTo(W);
            area[k] = a;
            position[k] = (win[1] + 0.5) / (W - win[3] + 1);
            for (int ch = 0; ch < 2; ch++) {
                double[] plane = java.util.Arrays.copyOfRange(in, (k * 2 + ch) * H * W, (k * 2 + ch + 1) * H * W);
                double[] expected = reference(plane, win);
                for (int p = 0; p < H * W; p++) {
                    assertThat(out[(k * 2 + ch) * H * W + p]).isCloseTo(expected[p], within(1e-12));
                }
            }
        }
        double meanArea = Stats.mean(area);
        double meanPosition = Stats.mean(position);
        double expected = referenceMeanArea(0.2, 0.9, 0.5, 2, 400_000);
        System.out.printf("[crop-resize] %d windows: mean area fraction %.4f (torchvision's procedure: %.4f), mean "
                + "position quantile %.4f (0.5)%n", n, meanArea, expected, meanPosition);
        assertThat(meanArea).isCloseTo(expected, within(4 * Math.sqrt(Stats.variance(area) / n)));
        assertThat(meanPosition).isCloseTo(0.5, within(4 * Math.sqrt(1.0 / 12 / n)));
    }

    /**
     * The mean area fraction of torchvision's {@code get_params} on an H × W image, by simulation: up to 10 tries
     * of a uniform area and log-uniform aspect, kept when the rounded window fits (windows too large for the image
     * are redrawn, which lowers the mean below the uniform draw's), else the central crop.
     */
    static double referenceMeanArea(double s0, double s1, double r0, double r1, int draws) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(99);
        double sum = 0;
        for (int d = 0; d < draws; d++) {
            double a = 1;
            for (int attempt = 0; attempt < 10; attempt++) {
                double target = H * W * (s0 + (s1 - s0) * random.nextDouble());
                double aspect = Math.exp(Math.log(r0) + (Math.log(r1) - Math.log(r0)) * random.nextDouble());
                long w = Math.round(Math.sqrt(target * aspect));
                long h = Math.round(Math.sqrt(target / aspect));
                if (w > 0 && w <= W && h > 0 && h <= H) {
                    a = (double) w * h / (H * W);
                    break;
                }
            }
            sum += a;
        }
        return sum / draws;
    }

    @Test
    void aConstantImageStaysThatConstant() {
        Transition t = Plugins.transition("{\"type\":\"crop-resize\"}", 1, 28, 28);
        INDArray x = Nd4j.valueArrayOf(new long[] {50, 1, 28, 28}, -0.3f);
        assertThat(Plugins.values(t.apply(x, new Rng(9)))).containsOnly((double) -0.3f);
    }

    @Test
    void theWholeImageAsWindowIsTheIdentity() {
        Transition t = Plugins.transition("{\"type\":\"crop-resize\",\"scale\":[1,1],\"ratio\":[" + (double) W / H
                + "," + (double) W / H + "]}", 1, H, W);
        INDArray x = new Rng(10).uniform(DataType.FLOAT, 20, 1, H, W);
        assertThat(t.apply(x, new Rng(11)).data().asFloat()).isEqualTo(x.dup('c').data().asFloat());
    }

    /** No window of aspect ≥ 2 and full area fits a square: torchvision's fallback, the central H × H/2 crop. */
    @Test
    void whenNoWindowFitsTheCentralCropOfTheClampedAspectIsTaken() {
        int s = 20;
        Transition t = Plugins.transition("{\"type\":\"crop-resize\",\"scale\":[1,1],\"ratio\":[2,3]}", 1, s, s);
        INDArray x = new Rng(12).uniform(DataType.DOUBLE, 3, 1, s, s);
        double[] in = Plugins.values(x);
        double[] out = Plugins.values(t.apply(x, new Rng(13)));
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < s; i++) {
                double sy = Math.max(0, (i + 0.5) * 10 / s - 0.5);
                int y0 = (int) sy;
                int y1 = Math.min(y0 + 1, 9);
                for (int j = 0; j < s; j++) {
                    double a = in[k * s * s + (5 + y0) * s + j];
                    double b = in[k * s * s + (5 + y1) * s + j];
                    assertThat(out[k * s * s + i * s + j]).isCloseTo(a + (sy - y0) * (b - a), within(1e-12));
                }
            }
        }
    }
}
