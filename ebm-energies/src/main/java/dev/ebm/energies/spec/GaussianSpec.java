package dev.ebm.energies.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;
import dev.ebm.api.spec.EnergySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A multivariate Gaussian as an energy: E(x) = [½(x − μ)ᵀΣ⁻¹(x − μ) + ½·log det(2πΣ)]/T + c. At the defaults
 * (T = 1, c = 0) it is the full negative log-density, so log Z = 0; in general exp(−E) is c-shifted N(μ, TΣ) with
 * log Z = ½·log det(2πTΣ) − ½·log det(2πΣ)/T − c, known exactly, so estimators of log Z can be checked against an
 * answer that is not 0. It has no parameters.
 *
 * @param mean μ, one entry per coordinate of a flattened sample (required)
 * @param covariance Σ as a list of rows: symmetric and positive definite (default: the identity)
 * @param offset c, added to the energy: log Z moves by −c (default 0)
 * @param temperature T > 0, dividing the negative log-density before the offset is added (default 1)
 */
public record GaussianSpec(@Required @Range List<Double> mean, List<List<Double>> covariance,
        @Default("0") @Range Double offset, @Default("1") @Range(min = 0, exclusiveMin = true) Double temperature)
        implements EnergySpec {

    public GaussianSpec {
        Checks c = new Checks(GaussianSpec.class);
        int before = c.problems().size();
        mean = c.field("mean", MatrixChecks.copy(mean));
        covariance = covariance == null ? null : copyRows(covariance);
        boolean meanOk = mean != null && !mean.isEmpty() && c.problems().size() == before;
        if (mean != null && mean.isEmpty()) {
            c.fail("mean", "must have at least one entry, found []");
        }
        if (meanOk && covariance != null) {
            checkCovariance(c, covariance, mean.size());
        }
        offset = c.field("offset", offset);
        temperature = c.field("temperature", temperature);
        c.done();
    }

    /** N(mean, covariance) with the defaults: offset 0, temperature 1 (log Z = 0). */
    public GaussianSpec(List<Double> mean, List<List<Double>> covariance) {
        this(mean, covariance, null, null);
    }

    private static List<List<Double>> copyRows(List<List<Double>> rows) {
        List<List<Double>> out = new ArrayList<>();
        for (List<Double> r : rows) {
            out.add(MatrixChecks.copy(r));
        }
        return MatrixChecks.copy(out);
    }

    private static void checkCovariance(Checks c, List<List<Double>> cov, int d) {
        if (cov.size() != d) {
            c.fail("covariance", "must be " + d + " x " + d + " to match mean (" + d + " entries), found "
                    + cov.size() + (cov.size() == 1 ? " row" : " rows"));
            return;
        }
        boolean ok = true;
        for (int i = 0; i < d; i++) {
            List<Double> row = cov.get(i);
            if (row == null || row.size() != d) {
                c.fail("covariance[" + i + "]", "must have " + d + " entries to match mean, found "
                        + (row == null ? "null" : row.size()));
                ok = false;
            } else {
                ok &= MatrixChecks.finite(c, "covariance[" + i + "]", row);
            }
        }
        if (!ok) {
            return;
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double a = cov.get(i).get(j);
                double b = cov.get(j).get(i);
                if (Math.abs(a - b) > 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)))) {
                    c.fail("covariance", "must be symmetric, found [" + i + "][" + j + "] = " + a + " but [" + j
                            + "][" + i + "] = " + b);
                    return;
                }
            }
        }
        double[] failed = new double[2];
        if (MatrixChecks.cholesky(toArray(cov), failed) == null) {
            int k = (int) failed[0];
            c.fail("covariance", "must be positive definite, found " + cov + " (its leading " + k + " x " + k
                    + " minor has determinant " + failed[1] + ")");
        }
    }

    private static double[][] toArray(List<List<Double>> m) {
        double[][] a = new double[m.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = m.get(i).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return a;
    }

    /** Number of coordinates. */
    public int dim() {
        return mean.size();
    }

    /** μ as an array. */
    public double[] meanArray() {
        return mean.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Σ as an array (the identity when not given), symmetrised. */
    public double[][] covarianceArray() {
        int d = dim();
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = covariance == null ? (i == j ? 1 : 0)
                        : 0.5 * (covariance.get(i).get(j) + covariance.get(j).get(i));
            }
        }
        return a;
    }

    /** The lower Cholesky factor L of Σ (Σ = L·Lᵀ). */
    public double[][] choleskyFactor() {
        return MatrixChecks.cholesky(covarianceArray(), null);
    }
}
