package dev.ebm.autodiff;

import java.util.Arrays;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * 2-D convolution and average pooling on NCHW tensors, with backward rules that are differentiable again.
 *
 * <p>Convolution y = C(x, W) is bilinear, and so are its two adjoints, which are recorded as ops of their own:
 * <ul>
 *   <li>{@code conv2dBackpropInput} BI(g, W) = ∂⟨g, C(x, W)⟩/∂x (a transposed convolution), and
 *   <li>{@code conv2dBackpropWeight} BW(x, g) = ∂⟨g, C(x, W)⟩/∂W.
 * </ul>
 * From ⟨U, BI(g, W)⟩ = ⟨C(U, W), g⟩ = ⟨BW(U, g), W⟩ and ⟨V, BW(x, g)⟩ = ⟨C(x, V), g⟩ = ⟨BI(g, V), x⟩ the rules
 * close over these three ops: the backward of BI with upstream U is (C(U, W), BW(U, g)); the backward of BW with
 * upstream V is (BI(g, V), C(x, V)). Every rule therefore records tensor ops and any order of derivative works.
 *
 * <p>Each runs as one native libnd4j op (oneDNN-accelerated for float32 in the {@code -onednn} builds):
 * {@code conv2d} forward; {@code conv2d_bp}, which always computes both the input and the weight gradient, so
 * when both are wanted they come from one call. When only the input gradient is wanted (∇ₓE while sampling, with
 * detached weights) and the geometry leaves no remainder ((H + 2p − k) divisible by the stride, in both
 * dimensions), the transposed convolution {@code deconv2d} computes it alone. With a remainder (28 → 14 at stride 2
 * would come back from {@code deconv2d} as 27), {@code deconv2d} runs without padding, which yields every input
 * position the windows can reach, shifted by the padding, and the input's rows and columns are cut out of that
 * (positions no window reaches get zero); {@code conv2d_bp}, which also computes the weight gradient, remains the
 * reference path ({@link Kernels#reference()}) and the path when the weight gradient is wanted too.
 * {@code deconv2d_tf}, which takes the input shape, returned wrong values on its oneDNN path when probed.
 *
 * <p>Average pooling (no padding) is linear; its adjoint {@code avgpool2d_bp} is recorded as an op whose own
 * backward is average pooling again.
 */
final class Convolutions {
    private Convolutions() {}

    /**
     * The geometry of one convolution: stride and zero padding, equal in both spatial dimensions; the kernel size
     * comes from the weight. The integer arguments are those {@code Conv2D} sends for a {@link Conv2DConfig}
     * with data format NCHW, weights format OIYX ([outC, inC, kH, kW]) and explicit (VALID-mode) padding.
     */
    record Geometry(int stride, int padding) {
        Geometry {
            if (stride < 1 || padding < 0) {
                throw new IllegalArgumentException("conv2d needs stride >= 1 and padding >= 0, found stride "
                        + stride + ", padding " + padding);
            }
        }

        int[] iArgs(long kH, long kW) {
            Conv2DConfig c = Conv2DConfig.builder().kH(kH).kW(kW).sH(stride).sW(stride).pH(padding).pW(padding)
                    .dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW)
                    .weightsFormat(WeightsFormat.OIYX).build();
            return new int[] {(int) c.getKH(), (int) c.getKW(), (int) c.getSH(), (int) c.getSW(), (int) c.getPH(),
                (int) c.getPW(), (int) c.getDH(), (int) c.getDW(), c.getPaddingMode() == PaddingMode.SAME ? 1 : 0,
                Conv2DConfig.NHWC.equalsIgnoreCase(c.getDataFormat()) ? 1 : 0, c.getWeightsFormat().ordinal()};
        }

        long outSize(long in, long k) {
            return (in + 2L * padding - k) / stride + 1;
        }
    }

    // ---------------------------------------------------------------- convolution

    static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
        Geometry geo = new Geometry(stride, padding);
        long[] xs = x.shape();
        long[] ws = w.shape();
        if (xs.length != 4 || ws.length != 4) {
            throw new IllegalArgumentException("conv2d needs input [N, C, H, W] and weight [outC, inC, kH, kW], found "
                    + Arrays.toString(xs) + " and " + Arrays.toString(ws));
        }
        if (xs[1] != ws[1]) {
            throw new IllegalArgumentException("conv2d: input has " + xs[1] + " channels but the weight "
                    + Arrays.toString(ws) + " expects " + ws[1]);
        }
        if (x.dtype() != w.dtype() || (bias != null && bias.dtype() != x.dtype())) {
            throw new IllegalArgumentException("conv2d needs one dtype, found input " + x.dtype() + ", weight "
                    + w.dtype() + (bias != null ? ", bias " + bias.dtype() : ""));
        }
        if (bias != null && bias.value().length() != ws[0]) {
            throw new IllegalArgumentException("conv2d: bias " + Arrays.toString(bias.shape()) + " must hold "
                    + ws[0] + " values, one per output channel");
        }
        long oh = geo.outSize(xs[2], ws[2]);
        long ow = geo.outSize(xs[3], ws[3]);
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("conv2d: kernel " + ws[2] + "x" + ws[3] + " with padding " + padding
                    + " does not fit the input " + xs[2] + "x" + xs[3]);
        }
        INDArray y = forward(x.value(), w.value(), bias == null ? null : bias.value(), geo);
        if (bias == null) {
            return Tensor.record("conv2d", y, g -> convBackward(x, w, g, geo), x, w);
        }
        long[] bs = bias.shape();
        return Tensor.record("conv2d", y, g -> {
            Tensor[] xw = convBackward(x, w, g, geo);
            Tensor gb = bias.requiresGrad() ? g.sum(false, 0, 2, 3).reshape(bs) : null;
            return new Tensor[] {xw[0], xw[1], gb};
        }, x, w, bias);
    }

    /** Gradients of ⟨g, C(x, W)⟩ in x and W (null where not wanted), from one native call. */
    private static Tensor[] convBackward(Tensor x, Tensor w, Tensor g, Geometry geo) {
        boolean wantX = x.requiresGrad();
        boolean wantW = w.requiresGrad();
        if (!wantX && !wantW) {
            return new Tensor[] {null, null};
        }
        if (wantX && !wantW && (transposeFits(x.shape(), w.shape(), geo) || Kernels.enabled())) {
            INDArray gx = transposed(x.shape(), w.value(), g.value(), geo);
            return new Tensor[] {recordBackpropInput(gx, g, w, geo), null};
        }
        // conv2d_bp computes both gradients whichever is wanted; with detached weights the weight gradient is
        // wasted work
        INDArray[] both = backprop(x.value(), w.value(), g.value(), geo);
        return new Tensor[] {
            wantX ? recordBackpropInput(both[0], g, w, geo) : null,
            wantW ? recordBackpropWeight(both[1], x, g, geo) : null};
    }

    /** BI(g, W), already computed as {@code value}: its backward with upstream U is (C(U, W), BW(U, g)). */
    private static Tensor recordBackpropInput(INDArray value, Tensor g, Tensor w, Geometry geo) {
        return Tensor.record("conv2dBackpropInput", value, u -> {
            Tensor gg = g.requiresGrad() ? conv2d(u, w, null, geo.stride(), geo.padding()) : null;
            Tensor gw = null;
            if (w.requiresGrad()) {
                INDArray[] both = backprop(u.value(), w.value(), g.value(), geo);
                gw = recordBackpropWeight(both[1], u, g, geo);
            }
            return new Tensor[] {gg, gw};
        }, g, w);
    }

    /** BW(x, g), already computed as {@code value}: its backward with upstream V is (BI(g, V), C(x, V)). */
    private static Tensor recordBackpropWeight(INDArray value, Tensor x, Tensor g, Geometry geo) {
        return Tensor.record("conv2dBackpropWeight", value, v -> {
            Tensor gx = null;
            if (x.requiresGrad()) {
                INDArray bi = transposeFits(x.shape(), v.shape(), geo) || Kernels.enabled()
                        ? transposed(x.shape(), v.value(), g.value(), geo)
                        : backprop(x.value(), v.value(), g.value(), geo)[0];
                gx = recordBackpropInput(bi, g, v, geo);
            }
            Tensor gg = g.requiresGrad() ? conv2d(x, v, null, geo.stride(), geo.padding()) : null;
            return new Tensor[] {gx, gg};
        }, x, g);
    }

    /** BI(g, W) as a recorded op, for an input of shape {@code inputShape}. */
    static Tensor backpropInput(Tensor g, Tensor w, long[] inputShape, int stride, int padding) {
        Geometry geo = new Geometry(stride, padding);
        INDArray shapeRef = Nd4j.create(g.dtype(), inputShape);
        return recordBackpropInput(backprop(shapeRef, w.value(), g.value(), geo)[0], g, w, geo);
    }

    /** BW(x, g) as a recorded op, for a weight of shape {@code weightShape}. */
    static Tensor backpropWeight(Tensor x, Tensor g, long[] weightShape, int stride, int padding) {
        Geometry geo = new Geometry(stride, padding);
        INDArray shapeRef = Nd4j.create(g.dtype(), weightShape);
        return recordBackpropWeight(backprop(x.value(), shapeRef, g.value(), geo)[1], x, g, geo);
    }

    private static INDArray forward(INDArray x, INDArray w, INDArray b, Geometry geo) {
        long[] xs = x.shape();
        long[] ws = w.shape();
        INDArray y = Nd4j.createUninitialized(x.dataType(), xs[0], ws[0], geo.outSize(xs[2], ws[2]),
                geo.outSize(xs[3], ws[3]));
        INDArray[] in = b == null ? new INDArray[] {x, w} : new INDArray[] {x, w, b.reshape(b.length())};
        exec("conv2d", in, new INDArray[] {y}, geo.iArgs(ws[2], ws[3]));
        return y;
    }

    /** {@code conv2d_bp}: the input gradient [shape of x] and the weight gradient [shape of W] of ⟨g, C(x, W)⟩. */
    private static INDArray[] backprop(INDArray x, INDArray w, INDArray g, Geometry geo) {
        // both outputs are written in full (checked for every geometry, generic and oneDNN paths): no zeroing
        INDArray gx = Nd4j.createUninitialized(g.dataType(), x.shape());
        INDArray gw = Nd4j.createUninitialized(g.dataType(), w.shape());
        exec("conv2d_bp", new INDArray[] {x, w, g}, new INDArray[] {gx, gw}, geo.iArgs(w.size(2), w.size(3)));
        return new INDArray[] {gx, gw};
    }

    /** Whether {@code deconv2d} can produce the input gradient: the input size has no remainder at the stride. */
    private static boolean transposeFits(long[] xs, long[] ws, Geometry geo) {
        return (xs[2] + 2L * geo.padding() - ws[2]) % geo.stride() == 0
                && (xs[3] + 2L * geo.padding() - ws[3]) % geo.stride() == 0;
    }

    /**
     * BI(g, W) alone, as the transposed convolution {@code deconv2d}: our weight [outC, inC, kH, kW] is its weight
     * in format 1 ([its input channels, its output channels, kH, kW]), with the same stride and padding when the
     * geometry has no remainder; otherwise without padding and cut to the input (see the class comment).
     */
    private static INDArray transposed(long[] xs, INDArray w, INDArray g, Geometry geo) {
        if (transposeFits(xs, w.shape(), geo)) {
            INDArray gx = Nd4j.createUninitialized(g.dataType(), xs);
            exec("deconv2d", new INDArray[] {g, w}, new INDArray[] {gx}, geo.iArgs(w.size(2), w.size(3)));
            return gx;
        }
        int p = geo.padding();
        int st = geo.stride();
        // without padding the transposed convolution covers input rows −p … s(O−1)+k−p−1
        long fullH = st * (g.size(2) - 1) + w.size(2);
        long fullW = st * (g.size(3) - 1) + w.size(3);
        INDArray full = Nd4j.createUninitialized(g.dataType(), xs[0], xs[1], fullH, fullW);
        exec("deconv2d", new INDArray[] {g, w}, new INDArray[] {full},
                new Geometry(st, 0).iArgs(w.size(2), w.size(3)));
        long h = Math.min(xs[2], fullH - p);
        long wd = Math.min(xs[3], fullW - p);
        INDArray window = full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(p, p + h),
                NDArrayIndex.interval(p, p + wd));
        if (h == xs[2] && wd == xs[3]) {
            return window.dup('c');
        }
        // rows or columns that no window reaches (a remainder larger than the padding) get no gradient
        INDArray gx = Nd4j.zeros(g.dataType(), xs);
        gx.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, h), NDArrayIndex.interval(0, wd))
                .assign(window);
        return gx;
    }

    // ---------------------------------------------------------------- average pooling

    static Tensor avgPool2d(Tensor x, int kernel, int stride) {
        long[] xs = x.shape();
        if (xs.length != 4) {
            throw new IllegalArgumentException("avgPool2d needs input [N, C, H, W], found " + Arrays.toString(xs));
        }
        if (kernel < 1 || stride < 1 || kernel > xs[2] || kernel > xs[3]) {
            throw new IllegalArgumentException("avgPool2d: kernel " + kernel + " and stride " + stride
                    + " must be >= 1 and the kernel must fit the input " + xs[2] + "x" + xs[3]);
        }
        INDArray y = Nd4j.createUninitialized(x.dtype(), xs[0], xs[1], (xs[2] - kernel) / stride + 1,
                (xs[3] - kernel) / stride + 1);
        exec("avgpool2d", new INDArray[] {x.value()}, new INDArray[] {y}, poolArgs(kernel, stride));
        INDArray shapeRef = x.value();
        return Tensor.record("avgPool2d", y, g -> new Tensor[] {avgPoolBackprop(g, shapeRef, kernel, stride)}, x);
    }

    /** The adjoint of average pooling; {@code shapeRef} only supplies the input shape. Its own adjoint is pooling. */
    private static Tensor avgPoolBackprop(Tensor g, INDArray shapeRef, int kernel, int stride) {
        INDArray gx = Nd4j.createUninitialized(g.dtype(), shapeRef.shape());
        exec("avgpool2d_bp", new INDArray[] {shapeRef, g.value()}, new INDArray[] {gx}, poolArgs(kernel, stride));
        return Tensor.record("avgPool2dBackprop", gx, u -> new Tensor[] {avgPool2d(u, kernel, stride)}, g);
    }

    /** kH, kW, sH, sW, pH, pW, dH, dW, same mode, divisor mode (no padding: irrelevant), NHWC. */
    private static int[] poolArgs(int kernel, int stride) {
        return new int[] {kernel, kernel, stride, stride, 0, 0, 1, 1, 0, 0, 0};
    }

    private static void exec(String op, INDArray[] in, INDArray[] out, int[] iArgs) {
        Nd4j.exec(new DynamicCustomOp(op, in, out, java.util.List.of(), iArgs));
    }
}
