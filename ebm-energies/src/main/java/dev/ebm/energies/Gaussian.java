package dev.ebm.energies;

import dev.ebm.api.AnalyticDensity;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.GaussianSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * E(x) = [½‖L⁻¹(x − μ)‖² + ½·log det(2πΣ)]/T + c with Σ = L·Lᵀ on flattened samples: at T = 1, c = 0 the full
 * negative log-density of N(μ, Σ); in general exp(−E) ∝ N(μ, TΣ) with the exact {@link #logZ()}. No parameters.
 */
public final class Gaussian implements EnergyFunction, AnalyticDensity {
    private final int dim;
    private final double logNormaliser;
    private final double temperature;
    private final double offset;
    private final double[][] chol;
    private final double[] mean;
    private final AnalyticConstants<Consts> consts;

    private record Consts(Tensor mean, Tensor whiten) {}

    public Gaussian(GaussianSpec spec) {
        this.dim = spec.dim();
        double[] mean = spec.meanArray();
        double[][] l = spec.choleskyFactor();
        double logDet = 0;
        for (int i = 0; i < dim; i++) {
            logDet += 2 * Math.log(l[i][i]);
        }
        this.logNormaliser = 0.5 * (dim * Math.log(2 * Math.PI) + logDet);
        this.temperature = spec.temperature();
        this.offset = spec.offset();
        this.chol = l;
        this.mean = mean;
        // Rows are samples, so z = (x − μ)·W with W = (L⁻¹)ᵀ.
        double[][] w = transpose(invertLower(l));
        this.consts = new AnalyticConstants<>(dt -> new Consts(Tensor.constant(AnalyticConstants.row(mean, dt)),
                Tensor.constant(AnalyticConstants.matrix(w, dt))));
    }

    /** Number of coordinates of a sample. */
    public int dim() {
        return dim;
    }

    /** {@code [dim]}: samples are vectors of the density's dimension. */
    @Override
    public long[] sampleShape() {
        return new long[] {dim};
    }

    @Override
    public ParameterSet parameters() {
        return ParameterSet.empty();
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet params) {
        Tensor flat = Analytic.flatten(x, dim, "gaussian");
        Consts c = consts.get(x.dtype());
        Tensor z = flat.sub(c.mean()).matmul(c.whiten());
        Tensor e = z.square().sum(false, 1).mul(0.5).add(logNormaliser);
        if (temperature != 1.0) {
            e = e.mul(1.0 / temperature);
        }
        return offset == 0.0 ? e : e.add(offset);
    }

    /** ½·log det(2πTΣ) − ½·log det(2πΣ)/T − c: the Gaussian integral of exp(−E). */
    @Override
    public double logZ() {
        return logNormaliser + 0.5 * dim * Math.log(temperature) - logNormaliser / temperature - offset;
    }

    /** μ + √T·L·ξ with ξ ~ N(0, I), as rows {@code [n, dim]}. */
    @Override
    public INDArray sample(int n, Rng rng, DataType dtype) {
        INDArray z = rng.normal(DataType.DOUBLE, n, dim);
        INDArray lt = Nd4j.createFromArray(chol).transpose().mul(Math.sqrt(temperature));
        INDArray x = Nd4j.gemm(z, lt, false, false).addiRowVector(Nd4j.createFromArray(mean));
        return x.castTo(dtype);
    }

    static double[][] invertLower(double[][] l) {
        int n = l.length;
        double[][] inv = new double[n][n];
        for (int j = 0; j < n; j++) {
            inv[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < n; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i][k] * inv[k][j];
                }
                inv[i][j] = s / l[i][i];
            }
        }
        return inv;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
