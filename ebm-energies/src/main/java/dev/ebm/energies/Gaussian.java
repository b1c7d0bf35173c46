package dev.ebm.energies;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.GaussianSpec;

/**
 * E(x) = ½‖L⁻¹(x − μ)‖² + ½·log det(2πΣ) with Σ = L·Lᵀ: the full negative log-density of N(μ, Σ) on flattened
 * samples. No parameters.
 */
public final class Gaussian implements EnergyFunction {
    private final int dim;
    private final double logNormaliser;
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
        return z.square().sum(false, 1).mul(0.5).add(logNormaliser);
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
