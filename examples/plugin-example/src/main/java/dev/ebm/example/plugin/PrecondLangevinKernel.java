package dev.ebm.example.plugin;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.example.plugin.spec.PrecondLangevinSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Preconditioned Langevin: the proposal y = x − (ε²/2)·M∇Ẽ(x) + ε·M^½ξ with ξ ~ N(0, I) and M = diag(scales), where
 * Ẽ = E/T is the target's tempered energy, and (when adjusted) the Metropolis–Hastings test with
 * q(b | a) = N(b; a − (ε²/2)·M∇Ẽ(a), ε²M). Works on flattened samples; states and inputs are never written into.
 */
public final class PrecondLangevinKernel implements SamplerKernel {
    private final PrecondLangevinSpec spec;
    private final double eps;

    public PrecondLangevinKernel(PrecondLangevinSpec spec) {
        this.spec = spec;
        this.eps = spec.epsilon();
    }

    @Override
    public ChainState init(Target target, INDArray x0) {
        INDArray x = x0.dup();
        Target.Evaluation ev = target.evaluate(x);
        return new ChainState(x, ev.energy(), ev.grad(), eps);
    }

    @Override
    public Step step(Target target, ChainState state, Rng rng) {
        INDArray x = state.x();
        long n = x.size(0);
        long d = x.length() / n;
        DataType dtype = x.dataType();
        INDArray m = scales(d, dtype);
        INDArray flatX = x.reshape('c', n, d);
        INDArray meanX = flatX.sub(state.grad().reshape('c', n, d).mulRowVector(m).muli(eps * eps / 2));
        INDArray xi = rng.normal(dtype, n, d);
        INDArray y = meanX.add(xi.mulRowVector(Transforms.sqrt(m, true)).muli(eps)).reshape('c', x.shape());
        Target.Evaluation atY = target.evaluate(y);
        if (!spec.adjust()) {
            return new Step(new ChainState(y, atY.energy(), atY.grad(), eps), StepInfo.NONE);
        }
        INDArray meanY = y.reshape('c', n, d).sub(atY.grad().reshape('c', n, d).mulRowVector(m).muli(eps * eps / 2));
        double[] forward = weightedSquares(y.reshape('c', n, d).sub(meanX), m);
        double[] backward = weightedSquares(flatX.sub(meanY), m);
        double[] e0 = state.energy().castTo(DataType.DOUBLE).toDoubleVector();
        double[] e1 = atY.energy().castTo(DataType.DOUBLE).toDoubleVector();
        double[] u = rng.uniform(DataType.DOUBLE, n).toDoubleVector();
        double[] prob = new double[(int) n];
        double[] take = new double[(int) n];
        for (int i = 0; i < n; i++) {
            double logAlpha = -(e1[i] - e0[i]) + (forward[i] - backward[i]) / (2 * eps * eps);
            prob[i] = Double.isNaN(logAlpha) ? 0 : Math.min(1, Math.exp(logAlpha));
            take[i] = u[i] < prob[i] ? 1 : 0;
        }
        INDArray mask = Nd4j.createFromArray(take).castTo(dtype).reshape(n, 1);
        INDArray keep = mask.rsub(1);
        INDArray nx = pick(y, x, mask, keep, n);
        INDArray ng = pick(atY.grad(), state.grad(), mask, keep, n);
        INDArray ne = atY.energy().mul(mask.reshape(n)).addi(state.energy().mul(keep.reshape(n)));
        StepInfo info = new StepInfo(Nd4j.createFromArray(prob).castTo(dtype), mask.reshape(n).dup());
        return new Step(new ChainState(nx, ne, ng, eps), info);
    }

    /** Rows of {@code a} where the mask is 1, of {@code b} elsewhere, in the shape of {@code a} (a new array). */
    private static INDArray pick(INDArray a, INDArray b, INDArray mask, INDArray keep, long n) {
        long d = a.length() / n;
        return a.reshape('c', n, d).mulColumnVector(mask).addi(b.reshape('c', n, d).mulColumnVector(keep))
                .reshape('c', a.shape());
    }

    /** Σ_j r_ij² / m_j per row, in double. */
    private static double[] weightedSquares(INDArray r, INDArray m) {
        return r.mul(r).diviRowVector(m).sum(1).castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** The diagonal of M as a row [1, d]. */
    private INDArray scales(long d, DataType dtype) {
        if (spec.scales().size() == 1) {
            return Nd4j.valueArrayOf(new long[] {1, d}, spec.scales().get(0), dtype);
        }
        if (spec.scales().size() != d) {
            throw new IllegalArgumentException("precond-langevin: scales has " + spec.scales().size()
                    + " entries, but samples have " + d + " coordinates (give one entry, or one per coordinate)");
        }
        double[] s = spec.scales().stream().mapToDouble(Double::doubleValue).toArray();
        return Nd4j.createFromArray(s).castTo(dtype).reshape(1, d);
    }

    @Override
    public int steps() {
        return spec.steps();
    }
}
