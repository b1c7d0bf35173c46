package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Array helpers shared by the kernels: clipping, boxes, per-chain sums and the Metropolis–Hastings test. */
final class Moves {
    private Moves() {}

    /** Each element of g clipped to [−c, c] (a new array), or g itself when c is null. */
    static INDArray clip(INDArray g, Double c) {
        if (c == null) {
            return g;
        }
        return Transforms.min(Transforms.max(g, -c, true), c, false);
    }

    /** x clamped into [low, high] in place (x must be the caller's own array), or x itself without a box. */
    static INDArray clampInPlace(INDArray x, List<Double> box) {
        if (box == null) {
            return x;
        }
        return Transforms.min(Transforms.max(x, box.get(0), false), box.get(1), false);
    }

    /** Per chain (first axis), the sum of squares over all other axes, in double. */
    static double[] sumSquares(INDArray a) {
        INDArray flat = rows(a);
        return flat.mul(flat).sum(1).castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** Per chain, whether every coordinate lies in [low, high]; all true without a box. */
    static boolean[] inside(INDArray x, List<Double> box) {
        int n = (int) x.size(0);
        boolean[] in = new boolean[n];
        if (box == null) {
            java.util.Arrays.fill(in, true);
            return in;
        }
        INDArray flat = rows(x);
        INDArray outside = flat.lt(box.get(0)).castTo(DataType.FLOAT).addi(flat.gt(box.get(1)).castTo(DataType.FLOAT));
        double[] count = outside.sum(1).castTo(DataType.DOUBLE).toDoubleVector();
        for (int i = 0; i < n; i++) {
            in[i] = count[i] == 0;
        }
        return in;
    }

    /** {@code a} viewed (or copied) as {@code [N, rest]}. */
    static INDArray rows(INDArray a) {
        long n = a.size(0);
        return a.reshape('c', n, n == 0 ? 0 : a.length() / n);
    }

    /**
     * The Metropolis–Hastings step shared by MALA and HMC: per chain, log α = −(E(y) − E(x))/T + extra, with
     * log α = −∞ outside the box or when anything is not a number; accepts where u &lt; α for u ~ U[0, 1) drawn
     * from {@code rng}, and returns the new state (rows of the proposal where accepted, of the current state
     * elsewhere) with per-chain acceptance probabilities and 0/1 acceptances.
     */
    static SamplerKernel.Step metropolis(ChainState current, INDArray y, Target.Evaluation atY, double temperature,
            double[] extra, List<Double> box, Rng rng, double stepSize) {
        int n = (int) current.chains();
        DataType dtype = current.x().dataType();
        double[] e0 = current.energy().castTo(DataType.DOUBLE).toDoubleVector();
        double[] e1 = atY.energy().castTo(DataType.DOUBLE).toDoubleVector();
        boolean[] in = inside(y, box);
        double[] u = rng.uniform(DataType.DOUBLE, n).toDoubleVector();
        double[] prob = new double[n];
        double[] acc = new double[n];
        boolean[] take = new boolean[n];
        for (int i = 0; i < n; i++) {
            double logAlpha = -(e1[i] - e0[i]) / temperature + extra[i];
            if (!in[i] || Double.isNaN(logAlpha) || !Double.isFinite(e1[i])) {
                logAlpha = Double.NEGATIVE_INFINITY;
            }
            prob[i] = logAlpha >= 0 ? 1.0 : Math.exp(logAlpha);
            take[i] = u[i] < prob[i];
            acc[i] = take[i] ? 1 : 0;
        }
        ChainState next = new ChainState(select(take, y, current.x()), select(take, atY.energy(), current.energy()),
                select(take, atY.grad(), current.grad()), stepSize);
        return new SamplerKernel.Step(next, new StepInfo(Nd4j.createFromArray(prob).castTo(dtype),
                Nd4j.createFromArray(acc).castTo(dtype)));
    }

    /**
     * Rows (first axis) of {@code a} where {@code take} is true, of {@code b} elsewhere: a new array of
     * {@code b}'s shape and type, values copied exactly.
     */
    static INDArray select(boolean[] take, INDArray a, INDArray b) {
        return exchange(take, b, a, 1.0, Double.NaN)[0];
    }

    /**
     * Row exchange between two arrays of one shape {@code [N, ...]}: returns {@code [a', b']}, new arrays of
     * {@code a}'s type, where a' holds rows of b·toA where {@code take} is true and of a elsewhere, and b' rows of
     * a·toB where {@code take} is true and of b elsewhere (b' is null when toB is NaN). A factor of 1 copies values
     * exactly. The rows are merged in Java, several times faster than the native select op on [20000, d] arrays.
     */
    static INDArray[] exchange(boolean[] take, INDArray a, INDArray b, double toA, double toB) {
        DataType dtype = a.dataType();
        long[] shape = a.shape();
        int n = take.length;
        int per = n == 0 ? 0 : (int) (a.length() / n);
        boolean both = !Double.isNaN(toB);
        if (dtype == DataType.FLOAT) {
            float[] fa = a.dup('c').data().asFloat();
            float[] fb = b.castTo(dtype).dup('c').data().asFloat();
            for (int i = 0; i < n; i++) {
                if (take[i]) {
                    for (int j = i * per; j < (i + 1) * per; j++) {
                        float va = fa[j];
                        fa[j] = toA == 1.0 ? fb[j] : (float) (fb[j] * toA);
                        fb[j] = toB == 1.0 ? va : (float) (va * toB);
                    }
                }
            }
            return new INDArray[] {Nd4j.createFromArray(fa).reshape('c', shape),
                both ? Nd4j.createFromArray(fb).reshape('c', shape) : null};
        }
        double[] da = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] db = b.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        for (int i = 0; i < n; i++) {
            if (take[i]) {
                for (int j = i * per; j < (i + 1) * per; j++) {
                    double va = da[j];
                    da[j] = db[j] * toA;
                    db[j] = va * toB;
                }
            }
        }
        return new INDArray[] {Nd4j.createFromArray(da).reshape('c', shape).castTo(dtype),
            both ? Nd4j.createFromArray(db).reshape('c', shape).castTo(dtype) : null};
    }
}
