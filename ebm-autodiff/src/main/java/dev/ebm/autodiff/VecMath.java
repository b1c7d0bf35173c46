package dev.ebm.autodiff;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * eˣ from IEEE-exact operations only (multiply, add, fused multiply-add, bit reinterpretation and shifts), in a
 * vector form and a scalar twin that performs the same operations in the same order, so both give the same bits.
 *
 * <p>Why not {@code VectorOperators.EXP}: the Vector API computes it with a native library once the JIT has
 * compiled the loop and with a Java fallback before, and the two round differently, so the same computation gave
 * different bits early and late in a process — a run resumed from a checkpoint then no longer repeated the
 * uninterrupted run exactly. Method: n = round(x·log₂e), r = x − n·ln2 (in two parts), eʳ by a polynomial
 * (Cephes' expf coefficients for float32: about 1 ulp; the Taylor series to degree 13 for float64: |r| ≤ ln2/2, so
 * the remainder is below 2e-16), times 2ⁿ built in the exponent bits. Arguments are clamped to keep 2ⁿ a normal
 * number: e^−87.3 ≈ 1.2e-38 and e^88.3 ≈ 2.2e38 in float32, e^−708 and e^709 in float64.
 */
final class VecMath {
    private VecMath() {}

    private static final float F_LOG2E = 1.44269504088896341f;
    private static final float F_LN2_HI = 0.693359375f;
    private static final float F_LN2_LO = -2.12194440e-4f;
    private static final float F_MAGIC = 12582912f; // 1.5·2²³: adding it rounds to an integer
    private static final int F_MAGIC_BITS = Float.floatToRawIntBits(F_MAGIC);
    private static final float F_MIN = -87.3f;
    private static final float F_MAX = 88.3f;
    private static final float[] F_POLY = {1.9875691500E-4f, 1.3981999507E-3f, 8.3334519073E-3f, 4.1665795894E-2f,
        1.6666665459E-1f, 5.0000001201E-1f};

    private static final double D_LOG2E = 1.4426950408889634;
    private static final double D_LN2_HI = 6.93147180369123816490e-01;
    private static final double D_LN2_LO = 1.90821492927058770002e-10;
    private static final double D_MAGIC = 6755399441055744.0; // 1.5·2⁵²
    private static final long D_MAGIC_BITS = Double.doubleToRawLongBits(D_MAGIC);
    private static final double D_MIN = -708.0;
    private static final double D_MAX = 709.0;
    /** 1/k! for k = 13 down to 2. */
    private static final double[] D_POLY = new double[12];

    static {
        for (int k = 13, i = 0; k >= 2; k--, i++) {
            double f = 1;
            for (int j = 2; j <= k; j++) {
                f *= j;
            }
            D_POLY[i] = 1.0 / f;
        }
    }

    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(F_MIN).min(F_MAX);
        FloatVector t = xc.mul(F_LOG2E).add(F_MAGIC);
        FloatVector n = t.sub(F_MAGIC);
        FloatVector r = n.fma(x.broadcast(-F_LN2_HI), xc);
        r = n.fma(x.broadcast(-F_LN2_LO), r);
        FloatVector p = r.fma(F_POLY[0], F_POLY[1]);
        p = p.fma(r, x.broadcast(F_POLY[2]));
        p = p.fma(r, x.broadcast(F_POLY[3]));
        p = p.fma(r, x.broadcast(F_POLY[4]));
        p = p.fma(r, x.broadcast(F_POLY[5]));
        p = p.mul(r).fma(r, r).add(1f);
        // t = 1.5·2²³ + n holds n in its low mantissa bits
        IntVector bits = t.reinterpretAsInts().sub(F_MAGIC_BITS - 127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(bits.reinterpretAsFloats());
    }

    static float exp(float x) {
        float xc = Math.min(Math.max(x, F_MIN), F_MAX);
        float t = xc * F_LOG2E + F_MAGIC;
        float n = t - F_MAGIC;
        float r = Math.fma(n, -F_LN2_HI, xc);
        r = Math.fma(n, -F_LN2_LO, r);
        float p = F_POLY[0];
        for (int i = 1; i < F_POLY.length; i++) {
            p = Math.fma(p, r, F_POLY[i]);
        }
        p = Math.fma(p * r, r, r) + 1f;
        return p * Float.intBitsToFloat((Float.floatToRawIntBits(t) - (F_MAGIC_BITS - 127)) << 23);
    }

    static DoubleVector exp(DoubleVector x) {
        VectorSpecies<Double> s = x.species();
        DoubleVector xc = x.max(D_MIN).min(D_MAX);
        DoubleVector t = xc.mul(D_LOG2E).add(D_MAGIC);
        DoubleVector n = t.sub(D_MAGIC);
        DoubleVector r = n.fma(DoubleVector.broadcast(s, -D_LN2_HI), xc);
        r = n.fma(DoubleVector.broadcast(s, -D_LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(s, D_POLY[0]);
        for (int i = 1; i < D_POLY.length; i++) {
            p = p.fma(r, DoubleVector.broadcast(s, D_POLY[i]));
        }
        p = p.mul(r).fma(r, r).add(1.0);
        LongVector bits = t.reinterpretAsLongs().sub(D_MAGIC_BITS - 1023L).lanewise(VectorOperators.LSHL, 52);
        return p.mul(bits.reinterpretAsDoubles());
    }

    static double exp(double x) {
        double xc = Math.min(Math.max(x, D_MIN), D_MAX);
        double t = xc * D_LOG2E + D_MAGIC;
        double n = t - D_MAGIC;
        double r = Math.fma(n, -D_LN2_HI, xc);
        r = Math.fma(n, -D_LN2_LO, r);
        double p = D_POLY[0];
        for (int i = 1; i < D_POLY.length; i++) {
            p = Math.fma(p, r, D_POLY[i]);
        }
        p = Math.fma(p * r, r, r) + 1.0;
        return p * Double.longBitsToDouble((Double.doubleToRawLongBits(t) - (D_MAGIC_BITS - 1023L)) << 52);
    }
}
