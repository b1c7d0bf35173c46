package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one-pass array kernels against their ND4J reference on random arrays longer than one chunk and of odd
 * length: norm-relative error at most 1e-12 in float64 and 1e-5 in float32.
 */
class ArrayKernelsTest {

    static INDArray random(long seed, DataType dt, long... shape) {
        return GradCheck.random(new Random(seed), shape).castTo(dt);
    }

    static double tol(DataType dt) {
        return dt == DataType.DOUBLE ? 1e-12 : 1e-5;
    }

    static void assertClose(INDArray fast, INDArray ref, DataType dt) {
        assertThat(fast.dataType()).isEqualTo(dt);
        assertThat(fast.shape()).containsExactly(ref.shape());
        double diff = fast.castTo(DataType.DOUBLE).sub(ref.castTo(DataType.DOUBLE)).norm2Number().doubleValue();
        assertThat(diff / ref.castTo(DataType.DOUBLE).norm2Number().doubleValue()).isLessThanOrEqualTo(tol(dt));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void linearMatchesReference(DataType dt) {
        INDArray x = random(1, dt, 37, 301);
        INDArray y = random(2, dt, 37, 301);
        INDArray z = random(3, dt, 37, 301);
        INDArray fast = ArrayKernels.linear(0.7, x, -0.013, y, z);
        INDArray fast2 = ArrayKernels.linear(1.0, x, 2.5, y.transpose().dup('c').transpose(), null);
        INDArray ref;
        INDArray ref2;
        try (GradMode.Scope r = Kernels.reference()) {
            ref = ArrayKernels.linear(0.7, x, -0.013, y, z);
            ref2 = ArrayKernels.linear(1.0, x, 2.5, y.transpose().dup('c').transpose(), null);
        }
        assertClose(fast, ref, dt);
        assertClose(fast2, ref2, dt);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void sumOfSquaresMatchesReference(DataType dt) {
        INDArray x = random(4, dt, 9001);
        double fast = ArrayKernels.sumOfSquares(x);
        double ref;
        try (GradMode.Scope r = Kernels.reference()) {
            ref = ArrayKernels.sumOfSquares(x);
        }
        assertThat(Math.abs(fast - ref) / ref).isLessThanOrEqualTo(tol(dt));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.3})
    void adamMatchesReference(double scale) {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray p = random(5, dt, 129, 65);
            INDArray g = random(6, dt, 129, 65);
            INDArray m = random(7, dt, 129, 65);
            INDArray v = random(8, dt, 129, 65);
            v = v.mul(v);
            INDArray[] fast = {p.dup(), m.dup(), v.dup()};
            INDArray[] ref = {p.dup(), m.dup(), v.dup()};
            for (int step = 0; step < 3; step++) {
                ArrayKernels.adam(fast[0], g, fast[1], fast[2], scale, 0.9, 0.999, 1e-3, 1e-8);
                try (GradMode.Scope r = Kernels.reference()) {
                    ArrayKernels.adam(ref[0], g, ref[1], ref[2], scale, 0.9, 0.999, 1e-3, 1e-8);
                }
            }
            for (int i = 0; i < 3; i++) {
                assertClose(fast[i], ref[i], dt);
            }
        }
    }
}
