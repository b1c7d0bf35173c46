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
}
