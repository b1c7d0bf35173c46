package dev.ebm.estimators.generator;

import dev.ebm.api.ChainState;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A noise-free sampler as a generator with an exact density (Xiao, Yan &amp; Amit 2021): chains x_{k+1} = x_k − h·∇E(x_k)
 * started from a known density q₀ push q₀ forward, and when each step is injective
 *
 * <pre>
 *   log q_K(x_K) = log q₀(x₀) − Σ_{k&lt;K} log|det(I − h·∇²E(x_k))|
 * </pre>
 *
 * with the Hessians exact from the autodiff ({@link Hessians}). A step is injective when h·λ_max(∇²E) &lt; 1
 * everywhere (then I − h∇²E is positive definite and the step is the gradient of a strictly convex function). Only
 * the points the chains visit are seen: the largest h·λ_max met along them is reported per chain; a value ≥ 1 means
 * the guarantee is broken (several starts may reach one point and the formula then gives the density of one branch
 * only), a value below 1 is evidence, not proof, that it holds.
 *
 * <p>The kernel must make exactly that step (the {@code gd} sampler without gradient clipping, clamping or
 * transitions): the first step is compared with x − h·∇E(x) and a mismatch is refused.
 */
public final class NoiseFreeChains {
    private NoiseFreeChains() {}

    /**
     * The chains' end points with their exact log-density.
     *
     * @param x end points x_K {@code [n, ...sample shape]}
     * @param logDensity log q_K(x_K) {@code [n]}
     * @param logStart log q₀(x₀) {@code [n]}
     * @param maxHLambda per chain, the largest h·λ_max(∇²E(x_k)) over its steps
     * @param steps K
     * @param stepSize h
     */
    public record Result(INDArray x, double[] logDensity, double[] logStart, double[] maxHLambda, int steps,
            double stepSize) {

        /** The largest h·λ_max over all chains and steps. */
        public double worstHLambda() {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : maxHLambda) {
                m = Math.max(m, v);
            }
            return m;
        }

        /** The share of chains that met h·λ_max ≥ 1 somewhere. */
        public double shareBroken() {
            int c = 0;
            for (double v : maxHLambda) {
                c += v >= 1 ? 1 : 0;
            }
            return (double) c / maxHLambda.length;
        }

        /** −mean log q_K(x_K): the generator's entropy estimated from its own exact density. */
        public double entropy() {
            double s = 0;
            for (double v : logDensity) {
                s -= v / logDensity.length;
            }
            return s;
        }
    }

    /**
     * Runs {@code kernel.steps()} steps of {@code kernel} on {@code energy} (temperature 1) from {@code x0}.
     *
     * @param stepSize h of the kernel's step x' = x − h·∇E(x)
     * @param logStart log q₀(x₀) of each start, in double (−∞ for a start outside q₀'s support is refused)
     * @throws IllegalArgumentException when the kernel's first step is not x − h·∇E(x)
     */
    public static Result run(EnergyFunction energy, SamplerKernel kernel, double stepSize, INDArray x0,
            double[] logStart, Rng rng) {
        int n = (int) x0.size(0);
        for (double v : logStart) {
            if (!(v > Double.NEGATIVE_INFINITY)) {
                throw new IllegalArgumentException("a start point lies outside the start density's support");
            }
        }
        Target target = Target.of(energy);
        ChainState state = kernel.init(target, x0);
        double[] logQ = logStart.clone();
        double[] worst = new double[n];
        java.util.Arrays.fill(worst, Double.NEGATIVE_INFINITY);
        int steps = kernel.steps();
        for (int k = 0; k < steps; k++) {
            Hessians.At at = Hessians.of(energy, target.params(), state.x());
            ChainState next = kernel.step(target, state, rng).state();
            if (k == 0) {
                checkStep(state.x(), next.x(), at.gradient(), stepSize);
            }
            for (int i = 0; i < n; i++) {
                double[] eig = eigenvalues(at.hessian()[i]);
                double logDet = 0;
                for (double lambda : eig) {
                    logDet += Math.log(Math.abs(1 - stepSize * lambda));
                    worst[i] = Math.max(worst[i], stepSize * lambda);
                }
                logQ[i] -= logDet;
            }
            state = next;
        }
        return new Result(state.x(), logQ, logStart.clone(), worst, steps, stepSize);
    }

    /** Eigenvalues of a symmetric matrix (symmetrised against rounding). */
    static double[] eigenvalues(double[][] h) {
        int d = h.length;
        if (d == 1) {
            return new double[] {h[0][0]};
        }
        if (d == 2) {
            double a = h[0][0];
            double b = 0.5 * (h[0][1] + h[1][0]);
            double c = h[1][1];
            double mid = 0.5 * (a + c);
            double r = Math.hypot(0.5 * (a - c), b);
            return new double[] {mid + r, mid - r};
        }
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s[i][j] = 0.5 * (h[i][j] + h[j][i]);
            }
        }
        return new EigenDecomposition(new Array2DRowRealMatrix(s, false)).getRealEigenvalues();
    }

    private static void checkStep(INDArray x, INDArray next, double[][] grad, double h) {
        long n = x.size(0);
        double[][] a = x.reshape(n, x.length() / n).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] b = next.reshape(n, next.length() / n).castTo(DataType.DOUBLE).toDoubleMatrix();
        double tol = x.dataType() == DataType.DOUBLE ? 1e-9 : 1e-4;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double expected = a[i][j] - h * grad[i][j];
                if (Math.abs(b[i][j] - expected) > tol * (1 + Math.abs(expected))) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the sampler's step is "
                            + "not x' = x - h*grad E(x) with h = %s (chain %d, coordinate %d: %.6g instead of %.6g); "
                            + "the exact density needs the plain noise-free step", h, i, j, b[i][j], expected));
                }
            }
        }
    }
}
