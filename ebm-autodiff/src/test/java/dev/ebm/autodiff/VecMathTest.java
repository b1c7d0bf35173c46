package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The kernels' exponential: within 2 ulp-ish of {@code Math.exp} over the whole clamped range, and the vector form
 * gives exactly the bits of the scalar form (what makes the fused kernels reproducible whatever the JIT has
 * compiled).
 */
class VecMathTest {

    @Test
    void floatExpIsAccurateAndTheVectorFormEqualsTheScalarForm() {
        Random rnd = new Random(1);
        float[] x = new float[FloatVector.SPECIES_PREFERRED.length()];
        float[] y = new float[x.length];
        double worst = 0;
        for (int k = 0; k < 20_000; k++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) ((rnd.nextDouble() * 2 - 1) * 87);
            }
            VecMath.exp(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
            for (int i = 0; i < x.length; i++) {
                assertThat(Float.floatToRawIntBits(y[i])).as("exp(%s)", x[i])
                        .isEqualTo(Float.floatToRawIntBits(VecMath.exp(x[i])));
                double e = Math.exp(x[i]);
                worst = Math.max(worst, Math.abs(y[i] - e) / e);
            }
        }
        assertThat(worst).isLessThan(2.5e-7);
        assertThat(VecMath.exp(0f)).isEqualTo(1f);
        assertThat(VecMath.exp(Float.NaN)).isNaN();
        assertThat(VecMath.exp(-1000f)).isGreaterThan(0f).isLessThan(2e-38f);
        assertThat(VecMath.exp(1000f)).isFinite().isGreaterThan(1e38f);
    }

    @Test
    void doubleExpIsAccurateAndTheVectorFormEqualsTheScalarForm() {
        Random rnd = new Random(2);
        double[] x = new double[DoubleVector.SPECIES_PREFERRED.length()];
        double[] y = new double[x.length];
        double worst = 0;
        for (int k = 0; k < 20_000; k++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (rnd.nextDouble() * 2 - 1) * 700;
            }
            VecMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
            for (int i = 0; i < x.length; i++) {
                assertThat(Double.doubleToRawLongBits(y[i])).as("exp(%s)", x[i])
                        .isEqualTo(Double.doubleToRawLongBits(VecMath.exp(x[i])));
                double e = Math.exp(x[i]);
                worst = Math.max(worst, Math.abs(y[i] - e) / e);
            }
        }
        assertThat(worst).isLessThan(1e-15);
        assertThat(VecMath.exp(0.0)).isEqualTo(1.0);
    }

    /**
     * The kernels' scalar form (used until the vector code is compiled) and vector form give the same bits for every
     * nonlinearity and order, with and without row bias and factor.
     */
    @Test
    void scalarAndVectorKernelsGiveTheSameBits() {
        Random rnd = new Random(3);
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        int n = 8 * lanes;
        float[] x = new float[n];
        float[] g = new float[n];
        float[] rb = new float[2 * lanes];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextGaussian() * 4);
            g[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < rb.length; i++) {
            rb[i] = (float) rnd.nextGaussian();
        }
        double[] dx = new double[n + 3];
        double[] dg = new double[n + 3];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = rnd.nextGaussian() * 4;
            dg[i] = rnd.nextGaussian();
        }
        for (Nonlinearity f : Nonlinearity.values()) {
            for (int order = 0; order <= 2; order++) {
                if (f == Nonlinearity.SOFTPLUS && order == 0) {
                    continue;
                }
                for (float[] bias : new float[][] {null, rb}) {
                    for (float[] factor : new float[][] {null, g}) {
                        float[] vec = new float[n];
                        FusedKernels.vector(f, order, x, bias, factor, vec, bias == null ? n - 5 : n);
                        for (int i = 0; i < (bias == null ? n - 5 : n); i++) {
                            float z = bias == null ? x[i] : x[i] + bias[i % bias.length];
                            float v = FusedKernels.scalar(f, order, z);
                            v = factor == null ? v : v * factor[i];
                            assertThat(Float.floatToRawIntBits(vec[i])).as("%s order %d at %s", f, order, z)
                                    .isEqualTo(Float.floatToRawIntBits(v));
                        }
                    }
                }
                double[] dv = new double[dx.length];
                FusedKernels.vector(f, order, dx, dg, dv, dx.length);
                for (int i = 0; i < dx.length; i++) {
                    assertThat(Double.doubleToRawLongBits(dv[i])).isEqualTo(
                            Double.doubleToRawLongBits(FusedKernels.scalar(f, order, dx[i]) * dg[i]));
                }
            }
        }
    }
}
