package dev.ebm.autodiff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One-pass array updates for samplers and optimizers, where a chain of ND4J ops would pay the per-op overhead (and
 * a pass over memory) once per term: a Langevin move, the sum of squares of a gradient, an Adam update. The data
 * is streamed through small per-thread Java arrays with plain loops, which the JIT vectorises (no Vector API
 * needed). With the fast paths off ({@link Kernels#enabled}) each method runs the equivalent ND4J ops; tests
 * compare the two.
 *
 * <p>Arrays: float32 or float64 (others take the ND4J path), all of one dtype and one length; inputs may have any
 * layout, arrays written in place must be row-major with default strides.
 */
public final class ArrayKernels {
    private static final int CHUNK = 4096;
    private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[4][CHUNK]);
    private static final ThreadLocal<double[][]> DOUBLES = ThreadLocal.withInitial(() -> new double[4][CHUNK]);

    private ArrayKernels() {}

    private static boolean fast(INDArray... arrays) {
        if (!Kernels.enabled()) {
            return false;
        }
        DataType dt = arrays[0].dataType();
        if (dt != DataType.FLOAT && dt != DataType.DOUBLE) {
            return false;
        }
        for (INDArray a : arrays) {
            if (a != null && (a.dataType() != dt || a.length() != arrays[0].length())) {
                return false;
            }
        }
        return true;
    }

    /** a·x + b·y (+ z when z is not null), as a new array of x's shape. */
    public static INDArray linear(double a, INDArray x, double b, INDArray y, INDArray z) {
        if (!fast(x, y, z)) {
            INDArray out = x.mul(a).addi(y.mul(b));
            return z == null ? out : out.addi(z);
        }
        Kernels.kernelPasses++;
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        INDArray xc = Blas.packed(x);
        INDArray yc = Blas.packed(y);
        INDArray zc = z == null ? null : Blas.packed(z);
        long n = x.length();
        if (x.dataType() == DataType.FLOAT) {
            float[][] s = FLOATS.get();
            java.nio.FloatBuffer px = Blas.floatBuffer(xc);
            java.nio.FloatBuffer py = Blas.floatBuffer(yc);
            java.nio.FloatBuffer pz = zc == null ? null : Blas.floatBuffer(zc);
            java.nio.FloatBuffer po = Blas.floatBuffer(out);
            float fa = (float) a;
            float fb = (float) b;
            for (long start = 0; start < n; start += CHUNK) {
                int len = (int) Math.min(CHUNK, n - start);
                px.get((int) start, s[0], 0, len);
                py.get((int) start, s[1], 0, len);
                float[] u = s[0];
                float[] v = s[1];
                float[] o = s[3];
                if (pz != null) {
                    pz.get((int) start, s[2], 0, len);
                    float[] w = s[2];
                    for (int i = 0; i < len; i++) {
                        o[i] = fa * u[i] + fb * v[i] + w[i];
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        o[i] = fa * u[i] + fb * v[i];
                    }
                }
                po.put((int) start, o, 0, len);
            }
        } else {
            double[][] s = DOUBLES.get();
            java.nio.DoubleBuffer px = Blas.doubleBuffer(xc);
            java.nio.DoubleBuffer py = Blas.doubleBuffer(yc);
            java.nio.DoubleBuffer pz = zc == null ? null : Blas.doubleBuffer(zc);
            java.nio.DoubleBuffer po = Blas.doubleBuffer(out);
            for (long start = 0; start < n; start += CHUNK) {
                int len = (int) Math.min(CHUNK, n - start);
                px.get((int) start, s[0], 0, len);
                py.get((int) start, s[1], 0, len);
                double[] u = s[0];
                double[] v = s[1];
                double[] o = s[3];
                if (pz != null) {
                    pz.get((int) start, s[2], 0, len);
                    double[] w = s[2];
                    for (int i = 0; i < len; i++) {
                        o[i] = a * u[i] + b * v[i] + w[i];
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        o[i] = a * u[i] + b * v[i];
                    }
                }
                po.put((int) start, o, 0, len);
            }
        }
        java.lang.ref.Reference.reachabilityFence(xc);
        java.lang.ref.Reference.reachabilityFence(yc);
        java.lang.ref.Reference.reachabilityFence(zc);
        return out;
    }

    /** Σ x, accumulated in double. */
    public static double sum(INDArray x) {
        if (!fast(x)) {
            return x.sumNumber().doubleValue();
        }
        Kernels.kernelPasses++;
        INDArray xc = Blas.packed(x);
        long n = x.length();
        double sum = 0;
        if (x.dataType() == DataType.FLOAT) {
            float[] s = FLOATS.get()[0];
            java.nio.FloatBuffer bx = Blas.floatBuffer(xc);
            for (long start = 0; start < n; start += CHUNK) {
                int len = (int) Math.min(CHUNK, n - start);
                bx.get((int) start, s, 0, len);
                double part = 0;
                for (int i = 0; i < len; i++) {
                    part += s[i];
                }
                sum += part;
            }
        } else {
            double[] s = DOUBLES.get()[0];
            java.nio.DoubleBuffer bx = Blas.doubleBuffer(xc);
            for (long start = 0; start < n; start += CHUNK) {
                int len = (int) Math.min(CHUNK, n - start);
                bx.get((int) start, s, 0, len);
                double part = 0;
                for (int i = 0; i < len; i++) {
                    part += s[i];
                }
                sum += part;
            }
        }
        java.lang.ref.Reference.reachabilityFence(xc);
        return sum;
    }

    /** A new array of the given shape with every element {@code v}. */
    public static INDArray filled(DataType dt, long[] shape, double v) {
        if (!Kernels.enabled() || (dt != DataType.FLOAT && dt != DataType.DOUBLE)) {
            return Nd4j.valueArrayOf(shape, v, dt);
        }
        Kernels.kernelPasses++;
        INDArray out = Nd4j.createUninitialized(dt, shape);
        int n = (int) out.length();
        if (dt == DataType.FLOAT) {
            java.nio.FloatBuffer b = Blas.floatBuffer(out);
            float fv = (float) v;
            for (int i = 0; i < n; i++) {
                b.put(i, fv);
            }
        } else {
            java.nio.DoubleBuffer b = Blas.doubleBuffer(out);
            for (int i = 0; i < n; i++) {
                b.put(i, v);
            }
        }
        return out;
    }

    /** Σ x², accumulated in double. */
    public static double sumOfSquares(INDArray x) {
        if (!fast(x)) {
            double n = x.norm2Number().doubleValue();
            return n * n;
        }
        Kernels.kernelPasses++;
        INDArray xc = Blas.packed(x);
        long n = x.length();
        double sum = 0;
        if (x.dataType() == DataType.FLOAT) {
            float[] s = FLOATS.get()[0];
            java.nio.FloatBuffer px = Blas.floatBuffer(xc);
            for (long start = 0; start < n; start += CHUNK) {
                int len = (int) Math.min(CHUNK, n - start);
                px.get((int) start, s, 0, len);
                double part = 0;
                for (int i = 0; i < len; i++) {
                    part += (double) s[i] * s[i];
                }
                sum += part;
            }
        } else {
            double[] s = DOUBLES.get()[0];
            java.nio.DoubleBuffer px = Blas.doubleBuffer(xc);
            for (long start = 0; start < n; start += CHUNK) {
                int len = (int) Math.min(CHUNK, n - start);
                px.get((int) start, s, 0, len);
                double part = 0;
                for (int i = 0; i < len; i++) {
                    part += s[i] * s[i];
                }
                sum += part;
            }
        }
        java.lang.ref.Reference.reachabilityFence(xc);
        return sum;
    }

    /**
     * One Adam update in place, with the bias corrections folded into the step: for g' = scale·g,
     * m ← β₁m + (1 − β₁)g', v ← β₂v + (1 − β₂)g'², p ← p − lr·m/(√v + eps). {@code p}, {@code m} and {@code v}
     * are written in place (any layout: one that is not row-major with default strides is updated through a
     * packed copy, so that every array takes the same path and a run is reproducible whatever the layout of
     * arrays restored from a checkpoint).
     */
    public static void adam(INDArray p, INDArray g, INDArray m, INDArray v, double scale, double beta1, double beta2,
            double lr, double eps) {
        if (fast(p, g, m, v) && (Blas.packed(p) != p || Blas.packed(m) != m || Blas.packed(v) != v)) {
            INDArray pc = Blas.packed(p);
            INDArray mc = Blas.packed(m);
            INDArray vc = Blas.packed(v);
            adam(pc, g, mc, vc, scale, beta1, beta2, lr, eps);
            for (INDArray[] pair : new INDArray[][] {{p, pc}, {m, mc}, {v, vc}}) {
                if (pair[0] != pair[1]) {
                    pair[0].assign(pair[1]);
                }
            }
            return;
        }
        if (!fast(p, g, m, v)) {
            INDArray gs = scale == 1.0 ? g : g.mul(scale);
            m.muli(beta1).addi(gs.mul(1 - beta1));
            v.muli(beta2).addi(gs.mul(gs).muli(1 - beta2));
            INDArray denom = Transforms.sqrt(v, true).addi(eps);
            p.subi(m.div(denom).muli(lr));
            return;
        }
        Kernels.kernelPasses++;
        INDArray gc = Blas.packed(g);
        long n = p.length();
        if (p.dataType() == DataType.FLOAT) {
            float[][] s = FLOATS.get();
            java.nio.FloatBuffer pp = Blas.floatBuffer(p);
            java.nio.FloatBuffer pg = Blas.floatBuffer(gc);
            java.nio.FloatBuffer pm = Blas.floatBuffer(m);
            java.nio.FloatBuffer pv = Blas.floatBuffer(v);
            for (long start = 0; start < n; start += CHUNK) {
                int len = (int) Math.min(CHUNK, n - start);
                pp.get((int) start, s[0], 0, len);
                pg.get((int) start, s[1], 0, len);
                pm.get((int) start, s[2], 0, len);
                pv.get((int) start, s[3], 0, len);
                float[] ps = s[0];
                float[] gs = s[1];
                float[] ms = s[2];
                float[] vs = s[3];
                for (int i = 0; i < len; i++) {
                    double gi = scale * gs[i];
                    double mi = beta1 * ms[i] + (1 - beta1) * gi;
                    double vi = beta2 * vs[i] + (1 - beta2) * gi * gi;
                    ms[i] = (float) mi;
                    vs[i] = (float) vi;
                    ps[i] = (float) (ps[i] - lr * ms[i] / (Math.sqrt(vs[i]) + eps));
                }
                pm.put((int) start, ms, 0, len);
                pv.put((int) start, vs, 0, len);
                pp.put((int) start, ps, 0, len);
            }
        } else {
            double[][] s = DOUBLES.get();
            java.nio.DoubleBuffer pp = Blas.doubleBuffer(p);
            java.nio.DoubleBuffer pg = Blas.doubleBuffer(gc);
            java.nio.DoubleBuffer pm = Blas.doubleBuffer(m);
            java.nio.DoubleBuffer pv = Blas.doubleBuffer(v);
            for (long start = 0; start < n; start += CHUNK) {
                int len = (int) Math.min(CHUNK, n - start);
                pp.get((int) start, s[0], 0, len);
                pg.get((int) start, s[1], 0, len);
                pm.get((int) start, s[2], 0, len);
                pv.get((int) start, s[3], 0, len);
                double[] ps = s[0];
                double[] gs = s[1];
                double[] ms = s[2];
                double[] vs = s[3];
                for (int i = 0; i < len; i++) {
                    double gi = scale * gs[i];
                    ms[i] = beta1 * ms[i] + (1 - beta1) * gi;
                    vs[i] = beta2 * vs[i] + (1 - beta2) * gi * gi;
                    ps[i] = ps[i] - lr * ms[i] / (Math.sqrt(vs[i]) + eps);
                }
                pm.put((int) start, ms, 0, len);
                pv.put((int) start, vs, 0, len);
                pp.put((int) start, ps, 0, len);
            }
        }
        java.lang.ref.Reference.reachabilityFence(gc);
        java.lang.ref.Reference.reachabilityFence(p);
        java.lang.ref.Reference.reachabilityFence(m);
        java.lang.ref.Reference.reachabilityFence(v);
    }
}
