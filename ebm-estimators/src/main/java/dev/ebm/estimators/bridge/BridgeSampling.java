package dev.ebm.estimators.bridge;

import dev.ebm.estimators.LogZEstimate;
import dev.ebm.estimators.stats.LogMean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bridge sampling with the optimal bridge of Meng &amp; Wong (1996), for Z of p̃ = exp(−E) against a normalised
 * proposal q, from n_p model samples x_i ~ p and n_q proposal draws y_k ~ q. With L = p̃/q and the bridge
 * α = 1/(p̃ + ν·r·q), the estimate r = Ẑ is the fixed point of
 *
 * <pre>
 *   r ← [(1/n_q)·Σ_k L(y_k)/(L(y_k) + ν·r)] / [(1/n_p)·Σ_i 1/(L(x_i) + ν·r)]
 * </pre>
 *
 * with ν = n_q/n_p for the optimal bridge (other ν give other, valid bridges). Its fixed points are the roots of
 * h(c) = Σ_i σ(c + log ν − l_i) − (ν·n_p/n_q)·Σ_k σ(l_k − c − log ν) in c = log r (l = log L), a strictly increasing
 * function: the same equation that noise-contrastive estimation at a fixed shape with noise ratio ν and two-sample
 * reverse logistic regression solve. The iteration runs in log space until c moves less than 1e-10 (at most
 * {@value #MAX_ITERATIONS} steps) and Newton's method on h then polishes c to rounding (|Δc| &lt; 1e-14).
 *
 * <p>Standard error: the relative error of the ratio of the two means, Var_q(L·α)/(n_q·mean²) + Var_p(q·α)/(n_p·mean²)
 * (Frühwirth-Schnatter 2004), with the model samples taken as independent (end points of independent chains).
 * Limits: ν → ∞ gives importance sampling on the q draws, ν → 0 reverse importance sampling on the model samples.
 */
public final class BridgeSampling {
    public static final String ID = "bridge";
    static final int MAX_ITERATIONS = 1000;

    private BridgeSampling() {}

    /** The solved bridge equation. */
    public record Solution(double logZ, double stderr, int iterations, int newtonSteps, double residual) {}

    /**
     * Solves the bridge equation.
     *
     * @param lP l = −E − log q at the model samples
     * @param lQ l = −E − log q at the proposal draws
     * @param nu the ratio ν of the bridge α = 1/(p̃ + ν·r·q); n_q/n_p for the optimal one
     */
    public static Solution solve(double[] lP, double[] lQ, double nu) {
        double logNu = Math.log(nu);
        double c = LogMean.of(lQ).log(); // start from importance sampling
        if (!Double.isFinite(c)) {
            c = -LogMean.of(negate(lP)).log();
        }
        int it = 0;
        for (; it < MAX_ITERATIONS; it++) {
            double next = mwStep(lP, lQ, logNu, c);
            double delta = next - c;
            c = next;
            if (!(Math.abs(delta) > 1e-10)) {
                break;
            }
        }
        int newton = 0;
        double ratio = nu * lP.length / lQ.length;
        for (; newton < 100; newton++) {
            double[] hd = h(lP, lQ, logNu, ratio, c);
            double step = hd[0] / hd[1];
            if (!Double.isFinite(step)) {
                break;
            }
            c -= step;
            if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(c))) {
                break;
            }
        }
        double residual = h(lP, lQ, logNu, ratio, c)[0];
        return new Solution(c, stderr(lP, lQ, logNu, c), it, newton, residual);
    }

    /** The estimate from the two sets of l = −E − log q values, with the optimal ν = n_q/n_p. */
    public static LogZEstimate estimate(double[] lP, double[] lQ) {
        double nu = (double) lQ.length / lP.length;
        Solution s = solve(lP, lQ, nu);
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("model_samples", (double) lP.length);
        d.put("proposal_samples", (double) lQ.length);
        d.put("iterations", (double) s.iterations());
        d.put("newton_steps", (double) s.newtonSteps());
        d.put("residual", s.residual());
        List<String> w = s.iterations() >= MAX_ITERATIONS
                ? List.of("the Meng-Wong iteration did not settle in " + MAX_ITERATIONS + " steps (little overlap "
                        + "between model and proposal); Newton's method finished the solve")
                : List.of();
        return new LogZEstimate(ID, s.logZ(), s.stderr(), "relative error of the two bridge means "
                + "(Fruehwirth-Schnatter 2004), samples taken as independent", 0, 0, "", d, w);
    }

    private static double mwStep(double[] lP, double[] lQ, double logNu, double c) {
        double[] num = new double[lQ.length];
        for (int k = 0; k < lQ.length; k++) {
            num[k] = lQ[k] - LogMean.logAddExp(lQ[k], logNu + c);
        }
        double[] den = new double[lP.length];
        for (int i = 0; i < lP.length; i++) {
            den[i] = -LogMean.logAddExp(lP[i], logNu + c);
        }
        return LogMean.logSumExp(num) - Math.log(lQ.length) - (LogMean.logSumExp(den) - Math.log(lP.length));
    }

    /** h(c) and h'(c). */
    static double[] h(double[] lP, double[] lQ, double logNu, double ratio, double c) {
        double value = 0;
        double slope = 0;
        for (double l : lP) {
            double s = sigmoid(c + logNu - l);
            value += s;
            slope += s * (1 - s);
        }
        for (double l : lQ) {
            double s = sigmoid(l - c - logNu);
            value -= ratio * s;
            slope += ratio * s * (1 - s);
        }
        return new double[] {value, slope};
    }

    private static double stderr(double[] lP, double[] lQ, double logNu, double c) {
        double[] a = new double[lQ.length];
        for (int k = 0; k < lQ.length; k++) {
            a[k] = lQ[k] - LogMean.logAddExp(lQ[k], logNu + c);
        }
        double[] b = new double[lP.length];
        for (int i = 0; i < lP.length; i++) {
            b[i] = -LogMean.logAddExp(lP[i], logNu + c);
        }
        double ra = LogMean.of(a).stderr();
        double rb = LogMean.of(b).stderr();
        return Math.sqrt(ra * ra + rb * rb);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }
}
