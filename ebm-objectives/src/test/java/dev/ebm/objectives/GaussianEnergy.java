package dev.ebm.objectives;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D Gaussian energy with learnable mean μ ({@code mu}, [1, 2]) and precision Λ = AAᵀ ({@code a}, [2, 2]):
 * E(x) = ½‖(x − μ)A‖² = ½(x − μ)ᵀΛ(x − μ), with no normaliser, so log Z = ½ log det(2πΛ⁻¹). Float64 throughout.
 */
final class GaussianEnergy implements EnergyFunction {
    static final int D = 2;
    private final ParameterSet params;

    GaussianEnergy(double[] mu, double[][] a) {
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put("mu", Nd4j.createFromArray(mu).reshape(1, D));
        p.put("a", Nd4j.createFromArray(a));
        this.params = ParameterSet.trainable(p);
    }

    @Override
    public ParameterSet parameters() {
        return params;
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet p) {
        long n = x.shape()[0];
        Tensor r = x.sub(p.get("mu").broadcastTo(n, D));
        return r.matmul(p.get("a")).square().sum(false, 1).mul(0.5);
    }

    double[] mu() {
        return params.get("mu").value().toDoubleVector();
    }

    double[][] a() {
        return params.get("a").value().toDoubleMatrix();
    }

    /** Λ = AAᵀ. */
    double[][] precision() {
        double[][] a = a();
        return new double[][] {
            {a[0][0] * a[0][0] + a[0][1] * a[0][1], a[0][0] * a[1][0] + a[0][1] * a[1][1]},
            {a[0][0] * a[1][0] + a[0][1] * a[1][1], a[1][0] * a[1][0] + a[1][1] * a[1][1]}};
    }

    /** Σ = Λ⁻¹. */
    double[][] covariance() {
        return Linalg.inverse(precision());
    }

    /** The true log-normaliser of exp(−E): ½ log det(2πΣ) = log 2π − log|det A|. */
    double logZ() {
        double[][] a = a();
        return Math.log(2 * Math.PI) - Math.log(Math.abs(a[0][0] * a[1][1] - a[0][1] * a[1][0]));
    }

    /** {@code n} exact draws of exp(−E)/Z, {@code [n, 2]}: x = μ + zA⁻¹ (so Cov = A⁻ᵀA⁻¹ = Λ⁻¹). */
    INDArray sample(Rng rng, int n) {
        INDArray z = rng.normal(DataType.DOUBLE, n, D);
        INDArray aInv = Nd4j.createFromArray(Linalg.inverse(a()));
        return Nd4j.gemm(z, aInv, false, false).addiRowVector(params.get("mu").value());
    }

    /** The parameters' current values, for per-point closed forms in double. */
    Frozen frozen() {
        return new Frozen(mu(), a());
    }

    /** μ and A as Java arrays. */
    record Frozen(double[] mu, double[][] a) {
        /** ∂E(x)/∂μ and ∂E(x)/∂A at one point, flattened as [μ0, μ1, A00, A01, A10, A11]. */
        double[] paramGrad(double[] x) {
            double[] r = {x[0] - mu[0], x[1] - mu[1]};
            double[] u = {r[0] * a[0][0] + r[1] * a[1][0], r[0] * a[0][1] + r[1] * a[1][1]};
            // ∂E/∂μ = −A u,  ∂E/∂A_kj = r_k u_j
            return new double[] {
                -(a[0][0] * u[0] + a[0][1] * u[1]), -(a[1][0] * u[0] + a[1][1] * u[1]),
                r[0] * u[0], r[0] * u[1], r[1] * u[0], r[1] * u[1]};
        }

        double energyOf(double[] x) {
            double[] r = {x[0] - mu[0], x[1] - mu[1]};
            double u0 = r[0] * a[0][0] + r[1] * a[1][0];
            double u1 = r[0] * a[0][1] + r[1] * a[1][1];
            return 0.5 * (u0 * u0 + u1 * u1);
        }
    }

    /** The rows of an {@code [n, 2]} array, read in one bulk copy. */
    static double[][] rows(INDArray x) {
        double[] flat = x.ravel().toDoubleVector();
        double[][] out = new double[flat.length / D][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {flat[D * i], flat[D * i + 1]};
        }
        return out;
    }
}
