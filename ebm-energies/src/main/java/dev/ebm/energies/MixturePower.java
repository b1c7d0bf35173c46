package dev.ebm.energies;

import dev.ebm.api.Rng;
import dev.ebm.energies.spec.GaussianMixtureSpec;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A mixture of isotropic Gaussians raised to a whole power n, as the finite mixture it is:
 * (Σ_k w_k N_k)^n = Σ_m n!/∏m_k! · ∏_k w_k^m_k · ∏_k N_k^m_k over the counts m with Σm_k = n, and each product of
 * isotropic Gaussians is an unnormalised isotropic Gaussian: precision A = Σ_k m_k/σ_k², mean b/A with
 * b = Σ_k m_k μ_k/σ_k², and integral ∏_k (2πσ_k²)^(−m_k·d/2) · (2π/A)^(d/2) · exp(−½ Σ_k (m_k/σ_k²)‖μ_k − b/A‖²).
 * Gives the exact log ∫(Σ_k w_k N_k)^n and exact draws from its normalised form.
 */
final class MixturePower {
    private final int dim;
    private final double[] logMass;
    private final double[][] means;
    private final double[] stds;
    private final double logTotal;

    MixturePower(GaussianMixtureSpec spec, int n) {
        this.dim = spec.dim();
        List<int[]> counts = new ArrayList<>();
        compositions(new int[spec.components()], 0, n, counts);
        int terms = counts.size();
        this.logMass = new double[terms];
        this.means = new double[terms][];
        this.stds = new double[terms];
        double logFactN = logFactorial(n);
        for (int t = 0; t < terms; t++) {
            int[] m = counts.get(t);
            double a = 0;
            double[] b = new double[dim];
            double logW = logFactN;
            double logNorm = 0;
            for (int k = 0; k < m.length; k++) {
                if (m[k] == 0) {
                    continue;
                }
                double s2 = spec.std(k) * spec.std(k);
                double[] mu = spec.mean(k);
                a += m[k] / s2;
                for (int i = 0; i < dim; i++) {
                    b[i] += m[k] * mu[i] / s2;
                }
                logW += m[k] * Math.log(spec.weight(k)) - logFactorial(m[k]);
                logNorm -= m[k] * 0.5 * dim * Math.log(2 * Math.PI * s2);
            }
            double[] centre = new double[dim];
            for (int i = 0; i < dim; i++) {
                centre[i] = b[i] / a;
            }
            double spread = 0;
            for (int k = 0; k < m.length; k++) {
                if (m[k] == 0) {
                    continue;
                }
                double[] mu = spec.mean(k);
                double sq = 0;
                for (int i = 0; i < dim; i++) {
                    sq += (mu[i] - centre[i]) * (mu[i] - centre[i]);
                }
                spread += m[k] / (spec.std(k) * spec.std(k)) * sq;
            }
            logMass[t] = logW + logNorm + 0.5 * dim * Math.log(2 * Math.PI / a) - 0.5 * spread;
            means[t] = centre;
            stds[t] = 1 / Math.sqrt(a);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logMass) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : logMass) {
            sum += Math.exp(v - max);
        }
        this.logTotal = max + Math.log(sum);
    }

    /** log ∫(Σ_k w_k N_k(x))^n dx. */
    double logIntegral() {
        return logTotal;
    }

    /** Exact draws {@code [count, dim]} from (Σ_k w_k N_k)^n / ∫(Σ_k w_k N_k)^n. */
    INDArray sample(int count, Rng rng, DataType dtype) {
        double[] cdf = new double[logMass.length];
        double acc = 0;
        for (int t = 0; t < cdf.length; t++) {
            acc += Math.exp(logMass[t] - logTotal);
            cdf[t] = acc;
        }
        double[][] rows = new double[count][dim];
        INDArray z = rng.normal(DataType.DOUBLE, count, dim);
        for (int r = 0; r < count; r++) {
            double u = rng.nextDouble() * acc;
            int t = 0;
            while (t < cdf.length - 1 && cdf[t] <= u) {
                t++;
            }
            for (int i = 0; i < dim; i++) {
                rows[r][i] = means[t][i] + stds[t] * z.getDouble(r, i);
            }
        }
        return Nd4j.createFromArray(rows).castTo(dtype);
    }

    /** Every vector of {@code k} counts summing to {@code n}, from position {@code at} on. */
    private static void compositions(int[] m, int at, int n, List<int[]> out) {
        if (at == m.length - 1) {
            m[at] = n;
            out.add(m.clone());
            return;
        }
        for (int c = n; c >= 0; c--) {
            m[at] = c;
            compositions(m, at + 1, n - c, out);
        }
    }

    private static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) {
            s += Math.log(i);
        }
        return s;
    }
}
