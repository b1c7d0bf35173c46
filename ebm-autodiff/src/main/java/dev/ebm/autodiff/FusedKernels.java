package dev.ebm.autodiff;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One-pass elementwise kernels: {@code out = g ⊙ f⁽ᵏ⁾(x + b)} for a {@link Nonlinearity} f, k = 0, 1 or 2, an
 * optional bias b broadcast along axis 1 (the features of [N, F], the channels of [N, C, H, W]) and an optional
 * factor g of x's shape. The data is streamed through small per-thread Java arrays (chunks of
 * {@value #CHUNK} elements that stay in the L1/L2 cache) and computed with the Java Vector API and an exponential
 * of its own ({@link VecMath}: exactly reproducible, unlike the API's EXP); ND4J's legacy transforms evaluate the
 * exponential one element at a time: its sigmoid took 2.5 ns per element here, the vectorised one about 0.35.
 *
 * <p>Loaded only when the {@code jdk.incubator.vector} module is present ({@link Kernels#fused}). Arrays must be
 * float32 or float64, all of one dtype; inputs may be any layout (non-packed ones are copied), {@code out} must be
 * a fresh row-major array of x's shape.
 */
final class FusedKernels {
    static final int CHUNK = 4096;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private FusedKernels() {}

    private static final class Scratch {
        final float[] fx = new float[CHUNK];
        final float[] fg = new float[CHUNK];
        final float[] fo = new float[CHUNK];
        final double[] dx = new double[CHUNK];
        final double[] dg = new double[CHUNK];
        final double[] dout = new double[CHUNK];
    }

    /**
     * out = g ⊙ f⁽order⁾(x + b).
     *
     * @param f the nonlinearity, or null for none (out = g ⊙ (x + b) for order 0)
     * @param b null, or {@code x.size(1)} values (any shape) added along axis 1 of x
     * @param g null (a factor of 1), or an array of x's shape
     */
    static void apply(Nonlinearity f, int order, INDArray x, INDArray b, INDArray g, INDArray out) {
        Kernels.kernelPasses++;
        INDArray xc = Blas.packed(x);
        INDArray gc = g == null ? null : Blas.packed(g);
        INDArray bc = b == null ? null : Blas.packed(b);
        long n = xc.length();
        int channels = b == null ? 1 : (int) xc.size(1);
        long inner = b == null ? 1 : n / Math.max(1, xc.size(0) * channels);
        int chunk = chunkLength(channels, inner);
        if (x.dataType() == DataType.FLOAT) {
            float[] bias = null;
            if (bc != null) {
                bias = new float[channels];
                Blas.floatBuffer(bc).get(0, bias, 0, channels);
            }
            FloatBuffer bx = Blas.floatBuffer(xc);
            FloatBuffer bg = gc == null ? null : Blas.floatBuffer(gc);
            FloatBuffer bo = Blas.floatBuffer(out);
            // a bias per feature of [N, F] with F a multiple of the vector length is added inside the vector loop
            float[] rowBias = bias != null && inner == 1 && channels % FloatLoops.S.length() == 0 && f != null
                    && !(f == Nonlinearity.SOFTPLUS && order == 0) ? bias : null;
            float[] fb = bias;
            Parallel.forRange(n, chunk, (from, to) -> {
                Scratch s = SCRATCH.get();
                FloatBuffer vx = bx.duplicate();
                FloatBuffer vg = bg == null ? null : bg.duplicate();
                FloatBuffer vo = bo.duplicate();
                for (int start = (int) from; start < to; start += chunk) {
                    int len = (int) Math.min(chunk, to - start);
                    vx.get(start, s.fx, 0, len);
                    if (fb != null && rowBias == null) {
                        addBias(s.fx, len, start, fb, inner);
                    }
                    if (vg != null) {
                        vg.get(start, s.fg, 0, len);
                    }
                    compute(f, order, s.fx, rowBias, vg == null ? null : s.fg, s.fo, len);
                    vo.put(start, s.fo, 0, len);
                }
            });
        } else {
            double[] bias = null;
            if (bc != null) {
                bias = new double[channels];
                Blas.doubleBuffer(bc).get(0, bias, 0, channels);
            }
            DoubleBuffer bx = Blas.doubleBuffer(xc);
            DoubleBuffer bg = gc == null ? null : Blas.doubleBuffer(gc);
            DoubleBuffer bo = Blas.doubleBuffer(out);
            double[] db = bias;
            Parallel.forRange(n, chunk, (from, to) -> {
                Scratch s = SCRATCH.get();
                DoubleBuffer vx = bx.duplicate();
                DoubleBuffer vg = bg == null ? null : bg.duplicate();
                DoubleBuffer vo = bo.duplicate();
                for (int start = (int) from; start < to; start += chunk) {
                    int len = (int) Math.min(chunk, to - start);
                    vx.get(start, s.dx, 0, len);
                    if (db != null) {
                        addBias(s.dx, len, start, db, inner);
                    }
                    if (vg != null) {
                        vg.get(start, s.dg, 0, len);
                    }
                    compute(f, order, s.dx, vg == null ? null : s.dg, s.dout, len);
                    vo.put(start, s.dout, 0, len);
                }
            });
        }
        java.lang.ref.Reference.reachabilityFence(xc);
        java.lang.ref.Reference.reachabilityFence(gc);
        java.lang.ref.Reference.reachabilityFence(bc);
        java.lang.ref.Reference.reachabilityFence(out);
    }

    /** Whole rows of features when the bias varies element by element (so the bias loop vectorises). */
    static int chunkLength(int channels, long inner) {
        if (inner == 1 && channels > 1 && channels <= CHUNK) {
            return CHUNK / channels * channels;
        }
        return CHUNK;
    }

    /** a[j] += bias[channel of element start + j], elements laid out as [.., channels, inner]. */
    static void addBias(float[] a, int len, long start, float[] bias, long inner) {
        int channels = bias.length;
        int j = 0;
        while (j < len) {
            long pos = start + j;
            int c = (int) ((pos / inner) % channels);
            if (inner == 1) {
                int run = Math.min(len - j, channels - c);
                for (int t = 0; t < run; t++) {
                    a[j + t] += bias[c + t];
                }
                j += run;
            } else {
                int run = (int) Math.min(len - j, inner - pos % inner);
                float v = bias[c];
                for (int t = j; t < j + run; t++) {
                    a[t] += v;
                }
                j += run;
            }
        }
    }

    static void addBias(double[] a, int len, long start, double[] bias, long inner) {
        int channels = bias.length;
        int j = 0;
        while (j < len) {
            long pos = start + j;
            int c = (int) ((pos / inner) % channels);
            if (inner == 1) {
                int run = Math.min(len - j, channels - c);
                for (int t = 0; t < run; t++) {
                    a[j + t] += bias[c + t];
                }
                j += run;
            } else {
                int run = (int) Math.min(len - j, inner - pos % inner);
                double v = bias[c];
                for (int t = j; t < j + run; t++) {
                    a[t] += v;
                }
                j += run;
            }
        }
    }

    // ---------------------------------------------------------------- float32

    /**
     * out = g ⊙ f⁽order⁾(x) over the first {@code len} elements; the last partial vector is computed on a padded
     * copy, so every element goes through the same operations (no scalar tail with other rounding). Until the vector code is
     * compiled ({@link KernelWarmUp}) the scalar twin runs: the same operations one element at a time, hence the
     * same bits, without the Vector API's cost before the JIT has compiled it (its Java fallback boxes every vector
     * op: seconds for the first training steps).
     *
     * @param rowBias null, or one value per feature added to element i as rowBias[i % rowBias.length] (the chunk
     *     holds whole rows and the row length is a multiple of the vector length)
     */
    static void compute(Nonlinearity f, int order, float[] x, float[] rowBias, float[] g, float[] out, int len) {
        if (f == null) {
            for (int i = 0; i < len; i++) {
                out[i] = g == null ? x[i] : x[i] * g[i];
            }
            return;
        }
        if (f == Nonlinearity.SOFTPLUS && order == 0) {
            // log1p has no exactly reproducible vector form here: one element at a time
            for (int i = 0; i < len; i++) {
                float z = x[i];
                float v = (float) (Math.max(z, 0f) + Math.log1p(VecMath.exp(-Math.abs(z))));
                out[i] = g == null ? v : v * g[i];
            }
            return;
        }
        if (!KernelWarmUp.ready(false, f)) {
            scalarLoop(f, order, x, rowBias, g, out, len);
            return;
        }
        vector(f, order, x, rowBias, g, out, len);
    }

    /** The scalar twin of {@link #vector}: {@link #scalar} element by element, the same bits. */
    static void scalarLoop(Nonlinearity f, int order, float[] x, float[] rowBias, float[] g, float[] out, int len) {
        for (int i = 0; i < len; i++) {
            float z = rowBias == null ? x[i] : x[i] + rowBias[i % rowBias.length];
            float v = scalar(f, order, z);
            out[i] = g == null ? v : v * g[i];
        }
    }

    /** The vector form of {@link #compute}: {@link FloatLoops} over whole vectors, the rest padded to one. */
    static void vector(Nonlinearity f, int order, float[] x, float[] rowBias, float[] g, float[] out, int len) {
        float[] b = rowBias != null ? rowBias : F_NO_BIAS;
        float[] gs = g != null ? g : fOnes(len);
        int lanes = FloatLoops.S.length();
        int full = FloatLoops.S.loopBound(len);
        FloatLoops.run(f, order, x, b, gs, out, full);
        if (full < len) {
            // the last partial vector: the same operations on a padded copy (x 0, bias -0, factor 1)
            float[] px = new float[lanes];
            float[] pb = F_NO_BIAS.clone();
            float[] pg = new float[lanes];
            float[] po = new float[lanes];
            java.util.Arrays.fill(pg, 1f);
            for (int t = 0; t < len - full; t++) {
                px[t] = x[full + t];
                pb[t] = b[(full + t) % b.length];
                pg[t] = gs[full + t];
            }
            FloatLoops.run(f, order, px, pb, pg, po, lanes);
            System.arraycopy(po, 0, out, full, len - full);
        }
    }

    /** −0 per lane: the bias that changes no bit. */
    private static final float[] F_NO_BIAS = new float[FloatLoops.S.length()];
    private static final float[] F_ONES = new float[CHUNK];

    static {
        java.util.Arrays.fill(F_NO_BIAS, -0f);
        java.util.Arrays.fill(F_ONES, 1f);
    }

    private static float[] fOnes(int len) {
        if (len <= F_ONES.length) {
            return F_ONES;
        }
        float[] ones = new float[len];
        java.util.Arrays.fill(ones, 1f);
        return ones;
    }

    /** {@link FloatLoops} for one element: the same operations in the same order. */
    static float scalar(Nonlinearity f, int order, float z) {
        switch (f) {
            case SWISH -> {
                float s = 1f / (VecMath.exp(-z) + 1f);
                if (order == 0) {
                    return z * s;
                }
                float oneMinus = -s + 1f;
                if (order == 1) {
                    return s * (z * oneMinus + 1f);
                }
                return (s * oneMinus) * (z * (s * -2f + 1f) + 2f);
            }
            case TANH -> {
                float t = 1f - 2f / (VecMath.exp(z * 2f) + 1f);
                if (order == 0) {
                    return t;
                }
                float d = -(t * t) + 1f;
                return order == 1 ? d : (t * d) * -2f;
            }
            case SIGMOID -> {
                float s = 1f / (VecMath.exp(-z) + 1f);
                if (order == 0) {
                    return s;
                }
                float d = s * (-s + 1f);
                return order == 1 ? d : d * (s * -2f + 1f);
            }
            case SOFTPLUS -> {
                float s = 1f / (VecMath.exp(-z) + 1f);
                return order == 1 ? s : s * (-s + 1f);
            }
            default -> throw new IllegalStateException(f.name());
        }
    }

    // ---------------------------------------------------------------- float64

    static void compute(Nonlinearity f, int order, double[] x, double[] g, double[] out, int len) {
        if (f == null) {
            for (int i = 0; i < len; i++) {
                out[i] = g == null ? x[i] : x[i] * g[i];
            }
            return;
        }
        if (f == Nonlinearity.SOFTPLUS && order == 0) {
            for (int i = 0; i < len; i++) {
                double z = x[i];
                double v = Math.max(z, 0.0) + Math.log1p(VecMath.exp(-Math.abs(z)));
                out[i] = g == null ? v : v * g[i];
            }
            return;
        }
        if (!KernelWarmUp.ready(true, f)) {
            scalarLoop(f, order, x, g, out, len);
            return;
        }
        vector(f, order, x, g, out, len);
    }

    /** The scalar twin of the float64 {@link #vector}: {@link #scalar} element by element, the same bits. */
    static void scalarLoop(Nonlinearity f, int order, double[] x, double[] g, double[] out, int len) {
        for (int i = 0; i < len; i++) {
            double v = scalar(f, order, x[i]);
            out[i] = g == null ? v : v * g[i];
        }
    }

    /**
     * The vector form of {@link #compute(Nonlinearity, int, double[], double[], double[], int)}: {@link DoubleLoops}
     * over whole vectors, the rest padded to one.
     */
    static void vector(Nonlinearity f, int order, double[] x, double[] g, double[] out, int len) {
        double[] gs = g != null ? g : dOnes(len);
        int lanes = DoubleLoops.S.length();
        int full = DoubleLoops.S.loopBound(len);
        DoubleLoops.run(f, order, x, D_NO_BIAS, gs, out, full);
        if (full < len) {
            double[] px = new double[lanes];
            double[] pg = new double[lanes];
            double[] po = new double[lanes];
            java.util.Arrays.fill(pg, 1.0);
            System.arraycopy(x, full, px, 0, len - full);
            System.arraycopy(gs, full, pg, 0, len - full);
            DoubleLoops.run(f, order, px, D_NO_BIAS, pg, po, lanes);
            System.arraycopy(po, 0, out, full, len - full);
        }
    }

    private static final double[] D_NO_BIAS = new double[DoubleLoops.S.length()];
    private static final double[] D_ONES = new double[CHUNK];

    static {
        java.util.Arrays.fill(D_NO_BIAS, -0.0);
        java.util.Arrays.fill(D_ONES, 1.0);
    }

    private static double[] dOnes(int len) {
        if (len <= D_ONES.length) {
            return D_ONES;
        }
        double[] ones = new double[len];
        java.util.Arrays.fill(ones, 1.0);
        return ones;
    }

    /** {@link DoubleLoops} for one element: the same operations in the same order. */
    static double scalar(Nonlinearity f, int order, double z) {
        switch (f) {
            case SWISH -> {
                double s = 1.0 / (VecMath.exp(-z) + 1.0);
                if (order == 0) {
                    return z * s;
                }
                double oneMinus = -s + 1.0;
                if (order == 1) {
                    return s * (z * oneMinus + 1.0);
                }
                return (s * oneMinus) * (z * (s * -2.0 + 1.0) + 2.0);
            }
            case TANH -> {
                double t = 1.0 - 2.0 / (VecMath.exp(z * 2.0) + 1.0);
                if (order == 0) {
                    return t;
                }
                double d = -(t * t) + 1.0;
                return order == 1 ? d : (t * d) * -2.0;
            }
            case SIGMOID -> {
                double s = 1.0 / (VecMath.exp(-z) + 1.0);
                if (order == 0) {
                    return s;
                }
                double d = s * (-s + 1.0);
                return order == 1 ? d : d * (s * -2.0 + 1.0);
            }
            case SOFTPLUS -> {
                double s = 1.0 / (VecMath.exp(-z) + 1.0);
                return order == 1 ? s : s * (-s + 1.0);
            }
            default -> throw new IllegalStateException(f.name());
        }
    }
}
