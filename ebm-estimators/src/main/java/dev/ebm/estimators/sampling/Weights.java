package dev.ebm.estimators.sampling;

import dev.ebm.estimators.LogZEstimate;
import dev.ebm.estimators.stats.LogMean;
import dev.ebm.estimators.stats.ParetoK;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Diagnostics shared by the weighting estimators: effective sample size, Pareto k̂, and warnings from them. */
final class Weights {
    private Weights() {}

    static LogZEstimate estimate(String method, double logZ, double stderr, String how, double[] logW,
            Map<String, Double> extra) {
        Map<String, Double> d = new LinkedHashMap<>(extra);
        LogMean m = LogMean.of(logW);
        double k = ParetoK.of(logW);
        d.put("ess", m.ess());
        d.put("pareto_k", k);
        return new LogZEstimate(method, logZ, stderr, how, 0, 0, "", d, warnings(k, m.ess(), logW.length));
    }

    static List<String> warnings(double k, double ess, int n) {
        List<String> w = new ArrayList<>();
        if (k > ParetoK.UNRELIABLE) {
            w.add(String.format("Pareto k-hat %.2f > %.1f: the weights are heavy-tailed%s; the estimate and its "
                    + "standard error are unreliable", k, ParetoK.UNRELIABLE, k >= 1 ? " (no finite mean)"
                    : " (no finite variance)"));
        } else if (k > 0.5) {
            w.add(String.format("Pareto k-hat %.2f > 0.5: the weights' variance is likely infinite, so the standard "
                    + "error understates the error", k));
        }
        if (ess < Math.max(10, 0.01 * n)) {
            w.add(String.format("effective sample size %.1f of %d: a few weights dominate", ess, n));
        }
        return w;
    }
}
