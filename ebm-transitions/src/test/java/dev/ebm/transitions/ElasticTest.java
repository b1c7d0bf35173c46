package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import dev.ebm.testkit.Stats;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code elastic} transition's displacement fields, read off ramp images (channel 0 holds each pixel's column,
 * channel 1 its row, so bilinear resampling at (i + dy, j + dx) returns j + dx and i + dy exactly wherever the
 * point stays inside the image), against the formulas of {@link dev.ebm.transitions.spec.ElasticSpec}.
 */
class ElasticTest {

    /** dy (component 0) or dx (component 1) at pixel (i, j) of every image of a transformed ramp batch. */
    static double[] displacements(double[] out, int n, int h, int w, int component, int i, int j) {
        double[] d = new double[n];
        int channel = 1 - component;
        for (int k = 0; k < n; k++) {
            d[k] = out[((k * 2 + channel) * h + i) * w + j] - (component == 0 ? i : j);
        }
        return d;
    }

    /** Two-sided p-value of the sample variance of {@code d} (known mean 0) against σ², by χ²(n). */
    static double varianceP(double[] d, double sigma) {
        double ss = 0;
        for (double v : d) {
            ss += v * v;
        }
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(d.length);
        double q = ss / (sigma * sigma);
        return 2 * Math.min(chi.cumulativeProbability(q), chi.survivalProbability(q));
    }

    /** Σ_m w_m² of the normalised Gaussian kernel truncated at ⌊4σ + 0.5⌋, computed here from its definition. */
    static double kernelSumOfSquares(double sigma) {
        int r = (int) (4 * sigma + 0.5);
        double sum = 0;
        double sq = 0;
        for (int m = -r; m <= r; m++) {
            double g = Math.exp(-m * m / (2 * sigma * sigma));
            sum += g;
            sq += g * g;
        }
        return sq / (sum * sum);
    }

    /**
     * Smoothed mode: at pixels at least 2r + 1 apart (independent: their kernels see disjoint uniforms) and far
     * enough inside for no clamping, both components have mean 0 (within 4 standard errors) and std alpha·S/√3
     * (χ² p &gt; 1e-3); a 5 % larger std is rejected (p &lt; 1e-3), so the test resolves the formula.
     */
    @ParameterizedTest
    @CsvSource({"8, 1, 40, 8, 10, 1500", "34, 4, 80, 20, 36, 1000"})
    void smoothedFieldHasMeanZeroAndTheStdOfTheFormula(double alpha, double sigma, int size, int first, int gap,
            int n) {
        int h = size;
        int w = size + 3;
        Transition t = Plugins.transition("{\"type\":\"elastic\",\"mode\":\"smoothed\",\"alpha\":" + alpha
                + ",\"sigma\":" + sigma + "}", 2, h, w);
        double[] out = Plugins.values(t.apply(Plugins.ramps(n, h, w).castTo(DataType.DOUBLE), new Rng(40)));
        double expected = alpha * kernelSumOfSquares(sigma) / Math.sqrt(3);
        java.util.List<Double> all = new java.util.ArrayList<>();
        for (int i = first; i < h - first; i += gap) {
            for (int j = first; j < w - first; j += gap) {
                for (int comp = 0; comp < 2; comp++) {
                    for (double v : displacements(out, n, h, w, comp, i, j)) {
                        all.add(v);
                    }
                }
            }
        }
        double[] d = all.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = Stats.mean(d);
        double std = Math.sqrt(Stats.variance(d));
        double p = varianceP(d, expected);
        double wrong = varianceP(d, 1.05 * expected);
        System.out.printf("[elastic] smoothed alpha %s sigma %s: %d displacements, mean %.4f, std %.4f vs formula "
                + "%.4f (p %.3g; against 1.05x: p %.3g)%n", alpha, sigma, d.length, mean, std, expected, p, wrong);
        assertThat(mean).isCloseTo(0, within(4 * expected / Math.sqrt(d.length)));
        assertThat(p).isGreaterThan(1e-3);
        assertThat(wrong).isLessThan(1e-3);
    }

    /**
     * Grid mode on a 29 × 21 image with 3 × 3 or 5 × 5 control points (3 × 3: on pixels 0, 14, 28 and 0, 10, 20):
     * at the inner control point and at pixels in between, each component is N(0, s²) with s from the
     * independently computed spline weights ({@link SplineReference}), s = std at control points: KS against
     * N(0, s²) and the χ² variance test p &gt; 1e-3; the variance test rejects (1.05·s)² (p &lt; 1e-3).
     */
    @ParameterizedTest
    @CsvSource({"3, 14, 10", "3, 7, 5", "3, 14, 5", "3, 20, 15", "5, 7, 5", "5, 10, 8"})
    void gridFieldIsNormalWithTheStdOfTheSplineWeights(int points, int i, int j) {
        int n = 6000;
        int h = 29;
        int w = 21;
        double std = 0.8;
        Transition t = Plugins.transition("{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":" + std + ",\"points\":"
                + points + "}", 2, h, w);
        double[] out = Plugins.values(t.apply(Plugins.ramps(n, h, w).castTo(DataType.DOUBLE), new Rng(41 + i)));
        double s = SplineReference.std(std, points, h, w, i, j);
        boolean control = i * (points - 1) % (h - 1) == 0 && j * (points - 1) % (w - 1) == 0;
        if (control) {
            assertThat(s).isCloseTo(std, within(1e-12));
        } else {
            assertThat(s).isLessThan(std);
        }
        for (int comp = 0; comp < 2; comp++) {
            double[] d = displacements(out, n, h, w, comp, i, j);
            Stats.Ks ks = Stats.ks(d, NormalDistribution.of(0, s)::cumulativeProbability);
            double p = varianceP(d, s);
            double wrong = varianceP(d, 1.05 * s);
            System.out.printf("[elastic] grid %dx%d at (%d, %d) %s: mean %.4f, std %.4f vs %.4f (variance p %.3g; "
                    + "against 1.05x: p %.3g), %s%n", points, points, i, j, comp == 0 ? "dy" : "dx", Stats.mean(d),
                    Math.sqrt(Stats.variance(d)), s, p, wrong, ks);
            assertThat(Stats.mean(d)).isCloseTo(0, within(4 * s / Math.sqrt(n)));
            assertThat(ks.p()).isGreaterThan(1e-3);
            assertThat(p).isGreaterThan(1e-3);
            assertThat(wrong).isLessThan(1e-3);
        }
    }

    /** The whole grid field of one image: interpolating the control displacements read at the control pixels. */
    @Test
    void gridFieldIsTheSplineThroughItsControlPoints() {
        int h = 29;
        int w = 21;
        int n = 20;
        Transition t = Plugins.transition("{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":0.3}", 2, h, w);
        double[] out = Plugins.values(t.apply(Plugins.ramps(n, h, w).castTo(DataType.DOUBLE), new Rng(3)));
        double[][] ry = SplineReference.weights(h, 3);
        double[][] rx = SplineReference.weights(w, 3);
        int[] rows = {0, 14, 28};
        int[] cols = {0, 10, 20};
        int checked = 0;
        for (int k = 0; k < n; k++) {
            double[] one = java.util.Arrays.copyOfRange(out, k * 2 * h * w, (k + 1) * 2 * h * w);
            for (int comp = 0; comp < 2; comp++) {
                // inner pixels are never clamped at std 0.3; their displacements must be the reference spline of
                // 3 x 3 control values, which the test fits to the inner pixels by least squares
                double[][] z = controlValues(one, h, w, comp, ry, rx);
                for (int i = 4; i < h - 4; i++) {
                    for (int j = 4; j < w - 4; j++) {
                        double expected = 0;
                        for (int a = 0; a < 3; a++) {
                            for (int b = 0; b < 3; b++) {
                                expected += ry[i][a] * rx[j][b] * z[a][b];
                            }
                        }
                        double got = displacements(one, 1, h, w, comp, i, j)[0];
                        assertThat(got).as("image %d comp %d (%d, %d)", k, comp, i, j)
                                .isCloseTo(expected, within(1e-9));
                        checked++;
                    }
                }
                assertThat(z[1][1]).isCloseTo(displacements(one, 1, h, w, comp, rows[1], cols[1])[0],
                        within(1e-9));
            }
        }
        assertThat(checked).isGreaterThan(n * 2 * 200);
    }

    /** Least-squares fit of the 3 × 3 control values to the displacements at pixels 6 .. from the border. */
    private static double[][] controlValues(double[] one, int h, int w, int comp, double[][] ry, double[][] rx) {
        double[][] normal = new double[9][10];
        for (int i = 6; i < h - 6; i++) {
            for (int j = 6; j < w - 6; j++) {
                double d = displacements(one, 1, h, w, comp, i, j)[0];
                double[] f = new double[9];
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        f[a * 3 + b] = ry[i][a] * rx[j][b];
                    }
                }
                for (int p = 0; p < 9; p++) {
                    for (int q = 0; q < 9; q++) {
                        normal[p][q] += f[p] * f[q];
                    }
                    normal[p][9] += f[p] * d;
                }
            }
        }
        double[] x = Linear.solve(normal, 9);
        double[][] z = new double[3][3];
        for (int p = 0; p < 9; p++) {
            z[p / 3][p % 3] = x[p];
        }
        return z;
    }

    @ParameterizedTest
    @CsvSource({"smoothed, '\"alpha\":0,\"sigma\":4'", "grid, '\"std\":0'"})
    void zeroStrengthIsTheIdentityBitForBit(String mode, String fields) {
        Transition t = Plugins.transition("{\"type\":\"elastic\",\"mode\":\"" + mode + "\"," + fields + "}", 1, 28,
                28);
        INDArray x = new Rng(5).uniform(DataType.FLOAT, 16, 1, 28, 28).muli(7).subi(3);
        INDArray y = t.apply(x, new Rng(6));
        assertThat(y).isNotSameAs(x);
        assertThat(y.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(y.data().asFloat()).isEqualTo(x.dup('c').data().asFloat());
    }

    /** A constant image stays that constant exactly (bilinear weights in the a + f·(b − a) form). */
    @Test
    void aConstantImageStaysConstant() {
        Transition t = Plugins.transition("{\"type\":\"elastic\",\"mode\":\"smoothed\",\"alpha\":34,\"sigma\":4}", 1,
                28, 28);
        INDArray x = org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {8, 1, 28, 28}, 0.7f);
        assertThat(Plugins.values(t.apply(x, new Rng(2)))).containsOnly((double) 0.7f);
    }
}
