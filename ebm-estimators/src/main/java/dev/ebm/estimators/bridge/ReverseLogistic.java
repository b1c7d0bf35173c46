package dev.ebm.estimators.bridge;

import dev.ebm.estimators.stats.LogMean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Reverse logistic regression (Geyer 1994) over J populations: unnormalised densities h_j with unknown
 * η_j = log Z_j, n_j points drawn from each normalised h_j/Z_j and pooled. Each pooled point is "classified" by the
 * population it came from with probabilities π_j(x) = n_j·h_j(x)·e^(−η_j) / Σ_k n_k·h_k(x)·e^(−η_k), and η
 * maximises the quasi-log-likelihood Σ_j Σ_{x from j} log π_j(x), a concave function whose score equations are
 * n_j = Σ_{all x} π_j(x). Only differences of η are identified: populations whose constant is known (normalised
 * proposals) are fixed, the others free. Solved by Newton's method with backtracking until every step is below
 * 1e-13.
 *
 * <p>A population with no points (n_j = 0) does not enter the likelihood; its constant is the Vardi/umbrella
 * estimate Z_j = Σ_{all x} h_j(x) / Σ_k n_k·h_k(x)·e^(−η_k), which with every sampled constant known is exactly
 * multiple importance sampling with the balance heuristic. With two populations (the model and one normalised
 * proposal) the score equation is the optimal bridge's, and NCE's at a fixed shape.
 *
 * <p>Covariance of the free η: the sandwich H⁻¹·V·H⁻¹ with H the observed information Σ_x (diag π − ππᵀ) and
 * V = Σ_j n_j·Cov_j(π(x)) the variance of the score when the n_j are fixed by design (Geyer's correction of the naive
 * inverse information); points are taken as independent.
 */
public final class ReverseLogistic {
    public static final String ID = "rlr";

    private ReverseLogistic() {}

    /**
     * log Z of population 0 (the model, unknown) as an estimate, the other populations being normalised proposals
     * whose constants are fixed at 0 ({@code jointly = false}) or, as in Geyer's original, estimated jointly with
     * only population 1 fixed ({@code jointly = true}).
     */
    public static dev.ebm.estimators.LogZEstimate estimate(double[][] logH, int[] counts, boolean jointly) {
        Double[] known = new Double[counts.length];
        for (int j = 1; j < counts.length; j++) {
            known[j] = jointly && j > 1 ? null : 0.0;
        }
        Fit fit = fit(logH, counts, known);
        java.util.Map<String, Double> d = new java.util.LinkedHashMap<>();
        d.put("populations", (double) counts.length);
        d.put("model_samples", (double) counts[0]);
        int q = 0;
        for (int j = 1; j < counts.length; j++) {
            q += counts[j];
        }
        d.put("proposal_samples", (double) q);
        d.put("newton_steps", (double) fit.iterations());
        d.put("score_residual", fit.gradient());
        if (jointly) {
            for (int j = 2; j < counts.length; j++) {
                d.put("log_z_proposal" + j, fit.eta()[j]);
            }
        }
        String how = counts[0] > 0 ? "sandwich H^-1 V H^-1 for sample sizes fixed by design (Geyer 1994), samples "
                + "taken as independent" : "Vardi/umbrella estimate: delta method, variance stratified over proposals";
        return new dev.ebm.estimators.LogZEstimate(ID, fit.eta()[0], fit.stderr()[0], how, 0, 0, "", d, List.of());
    }

    /**
     * The fitted constants.
     *
     * @param eta η_j = log Z_j for every population (known ones as given)
     * @param stderr standard errors of η_j (0 for known constants)
     * @param iterations Newton steps taken
     * @param gradient the largest |score| left, in points
     */
    public record Fit(double[] eta, double[] stderr, int iterations, double gradient) {}

    /**
     * Fits η.
     *
     * @param logH log h_j at every pooled point, {@code [J][N]}; the points are ordered by population (the first
     *     {@code counts[0]} from population 0, ...)
     * @param counts n_j (0 for a population without points)
     * @param known the known η_j, or null for an unknown one; at least one population with points must be known
     */
    public static Fit fit(double[][] logH, int[] counts, Double[] known) {
        int J = counts.length;
        int N = logH[0].length;
        List<Integer> free = new ArrayList<>();
        double[] eta = new double[J];
        boolean anchored = false;
        for (int j = 0; j < J; j++) {
            if (known[j] != null) {
                eta[j] = known[j];
                anchored |= counts[j] > 0;
            } else if (counts[j] > 0) {
                free.add(j);
            }
        }
        if (!anchored) {
            throw new IllegalArgumentException("reverse logistic regression needs a population with points and a "
                    + "known constant: only differences of log Z are identified");
        }
        int f = free.size();
        int it = 0;
        double gradMax = 0;
        double[] logN = new double[J];
        for (int j = 0; j < J; j++) {
            logN[j] = counts[j] > 0 ? Math.log(counts[j]) : Double.NEGATIVE_INFINITY;
        }
        int anchor = -1;
        for (int j = 0; j < J && anchor < 0; j++) {
            if (known[j] != null && counts[j] > 0) {
                anchor = j;
            }
        }
        int begin = 0;
        for (int j = 0; j < J; j++) {
            if (known[j] == null && counts[j] > 0) {
                // start from reverse importance sampling against the anchor: 1/Z_j ≈ mean over j's points of h_a/h_j
                double[] a = new double[counts[j]];
                for (int i = 0; i < counts[j]; i++) {
                    a[i] = logH[anchor][begin + i] - eta[anchor] - logH[j][begin + i];
                }
                eta[j] = -LogMean.of(a).log();
                if (!Double.isFinite(eta[j])) {
                    eta[j] = 0;
                }
            }
            begin += counts[j];
        }
        if (f > 0) {
            for (int it0 = 0; it0 < 200; it0++, it++) {
                double[][] pi = probabilities(logH, logN, eta, counts);
                double[] g = new double[f];
                double[][] h = new double[f][f];
                for (int a = 0; a < f; a++) {
                    int ja = free.get(a);
                    double s = 0;
                    for (int i = 0; i < N; i++) {
                        s += pi[ja][i];
                    }
                    g[a] = counts[ja] - s;
                    for (int b = 0; b < f; b++) {
                        int jb = free.get(b);
                        double v = 0;
                        for (int i = 0; i < N; i++) {
                            v += pi[ja][i] * ((ja == jb ? 1 : 0) - pi[jb][i]);
                        }
                        h[a][b] = v;
                    }
                }
                gradMax = Arrays.stream(g).map(Math::abs).max().orElse(0);
                double[] step = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver()
                        .solve(new org.apache.commons.math3.linear.ArrayRealVector(g, false)).toArray();
                double before = objective(logH, logN, eta, counts);
                double t = 1;
                double[] trial = eta.clone();
                for (int ls = 0; ls < 60; ls++) {
                    for (int a = 0; a < f; a++) {
                        trial[free.get(a)] = eta[free.get(a)] - t * step[a];
                    }
                    if (objective(logH, logN, trial, counts) <= before + 1e-12 * Math.abs(before)) {
                        break;
                    }
                    t /= 2;
                }
                double moved = 0;
                for (int a = 0; a < f; a++) {
                    moved = Math.max(moved, Math.abs(trial[free.get(a)] - eta[free.get(a)]));
                }
                eta = trial;
                if (moved < 1e-13) {
                    break;
                }
            }
        }
        double[] se = new double[J];
        if (f > 0) {
            double[] freeSe = sandwich(logH, logN, eta, counts, free);
            for (int a = 0; a < f; a++) {
                se[free.get(a)] = freeSe[a];
            }
        }
        // populations without points and without a known constant: the Vardi estimate
        for (int j = 0; j < J; j++) {
            if (counts[j] == 0 && known[j] == null) {
                double[] v = vardi(logH, logN, eta, counts, j);
                eta[j] = v[0];
                se[j] = v[1];
            }
        }
        return new Fit(eta, se, it, gradMax);
    }

    /** log Σ_k n_k h_k(x_i) e^(−η_k) over the sampled populations, per point. */
    static double[] logMixture(double[][] logH, double[] logN, double[] eta, int[] counts) {
        int N = logH[0].length;
        double[] out = new double[N];
        double[] terms = new double[counts.length];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < counts.length; j++) {
                terms[j] = counts[j] > 0 ? logN[j] + logH[j][i] - eta[j] : Double.NEGATIVE_INFINITY;
            }
            out[i] = LogMean.logSumExp(terms);
        }
        return out;
    }

    private static double[][] probabilities(double[][] logH, double[] logN, double[] eta, int[] counts) {
        double[] mix = logMixture(logH, logN, eta, counts);
        double[][] pi = new double[counts.length][logH[0].length];
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] == 0) {
                continue;
            }
            for (int i = 0; i < mix.length; i++) {
                pi[j][i] = Math.exp(logN[j] + logH[j][i] - eta[j] - mix[i]);
            }
        }
        return pi;
    }

    /** The negative quasi-log-likelihood. */
    private static double objective(double[][] logH, double[] logN, double[] eta, int[] counts) {
        double[] mix = logMixture(logH, logN, eta, counts);
        double v = 0;
        int at = 0;
        for (int j = 0; j < counts.length; j++) {
            for (int i = 0; i < counts[j]; i++, at++) {
                v -= logN[j] + logH[j][at] - eta[j] - mix[at];
            }
        }
        return v;
    }

    private static double[] sandwich(double[][] logH, double[] logN, double[] eta, int[] counts,
            List<Integer> free) {
        int f = free.size();
        int N = logH[0].length;
        double[][] pi = probabilities(logH, logN, eta, counts);
        double[][] h = new double[f][f];
        double[][] v = new double[f][f];
        for (int a = 0; a < f; a++) {
            for (int b = 0; b < f; b++) {
                int ja = free.get(a);
                int jb = free.get(b);
                double s = 0;
                for (int i = 0; i < N; i++) {
                    s += pi[ja][i] * ((ja == jb ? 1 : 0) - pi[jb][i]);
                }
                h[a][b] = s;
            }
        }
        int start = 0;
        for (int j = 0; j < counts.length; j++) {
            int n = counts[j];
            if (n > 1) {
                double[] mean = new double[f];
                for (int a = 0; a < f; a++) {
                    for (int i = start; i < start + n; i++) {
                        mean[a] += pi[free.get(a)][i] / n;
                    }
                }
                for (int a = 0; a < f; a++) {
                    for (int b = 0; b < f; b++) {
                        double c = 0;
                        for (int i = start; i < start + n; i++) {
                            c += (pi[free.get(a)][i] - mean[a]) * (pi[free.get(b)][i] - mean[b]);
                        }
                        v[a][b] += n * c / (n - 1);
                    }
                }
            }
            start += n;
        }
        RealMatrix hInv = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver().getInverse();
        RealMatrix cov = hInv.multiply(new Array2DRowRealMatrix(v, false)).multiply(hInv);
        double[] se = new double[f];
        for (int a = 0; a < f; a++) {
            se[a] = Math.sqrt(Math.max(0, cov.getEntry(a, a)));
        }
        return se;
    }

    /** log Z_j = log Σ_x h_j(x)/Σ_k n_k h_k(x) e^(−η_k) and its stratified delta-method standard error. */
    private static double[] vardi(double[][] logH, double[] logN, double[] eta, int[] counts, int j) {
        double[] mix = logMixture(logH, logN, eta, counts);
        int N = mix.length;
        double[] logW = new double[N];
        for (int i = 0; i < N; i++) {
            logW[i] = logH[j][i] - mix[i] + Math.log(N);
        }
        int[] stratum = new int[N];
        int at = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int i = 0; i < counts[k]; i++) {
                stratum[at++] = k;
            }
        }
        var e = dev.ebm.estimators.sampling.MultipleImportanceSampling.fromLogWeights(logW, stratum, counts.length);
        return new double[] {e.logZ(), e.stderr()};
    }
}
