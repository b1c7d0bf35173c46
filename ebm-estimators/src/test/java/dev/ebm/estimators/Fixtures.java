package dev.ebm.estimators;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.AnalyticDensity;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.EnergySpec;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/** Analytic energies with a log Z that is not 0, built through the registry as in a run; float64 throughout. */
final class Fixtures {
    static final PluginRegistry REGISTRY = PluginRegistry.load();
    static final DataType F64 = DataType.DOUBLE;

    private Fixtures() {}

    /** An energy from a JSON spec. */
    static EnergyFunction energy(String json) {
        try {
            EnergySpec spec = new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), EnergySpec.class);
            return REGISTRY.create(spec, new PluginContext(F64, null, null, REGISTRY, new Rng(0)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * N(μ, Σ) in d dimensions with μ_i = 0.5·(−1)^i, a non-diagonal Σ (unit variances, correlation 0.3 between
     * neighbours), temperature 0.7 and offset 2.5: log Z is far from 0.
     */
    static String gaussian(int d) {
        StringBuilder mean = new StringBuilder("[");
        StringBuilder cov = new StringBuilder("[");
        for (int i = 0; i < d; i++) {
            mean.append(i == 0 ? "" : ",").append(i % 2 == 0 ? 0.5 : -0.5);
            cov.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < d; j++) {
                double v = i == j ? 1.0 : Math.abs(i - j) == 1 ? 0.3 : 0.0;
                cov.append(j == 0 ? "" : ",").append(v);
            }
            cov.append("]");
        }
        return "{\"type\":\"gaussian\",\"mean\":" + mean + "],\"covariance\":" + cov + "],\"temperature\":0.7,"
                + "\"offset\":2.5}";
    }

    /**
     * Three isotropic components in d dimensions (means ±1.5 on the first two axes), raised to the power 2
     * (temperature 0.5) and offset by −4.
     */
    static String mixture(int d) {
        double[][] means = new double[3][d];
        means[0][0] = -1.5;
        means[1][0] = 1.5;
        means[2][1] = 1.5;
        StringBuilder m = new StringBuilder("[");
        for (int k = 0; k < 3; k++) {
            m.append(k == 0 ? "[" : ",[");
            for (int i = 0; i < d; i++) {
                m.append(i == 0 ? "" : ",").append(means[k][i]);
            }
            m.append("]");
        }
        return String.format(Locale.ROOT, "{\"type\":\"gaussian-mixture\",\"weights\":[0.3,0.3,0.4],\"means\":%s],"
                + "\"stds\":[0.6,0.7,0.5],\"temperature\":0.5,\"offset\":-4.0}", m);
    }

    /** Exact draws and what they cost (nothing). */
    static Samples exact(EnergyFunction e, int n, Rng rng) {
        return new Samples(((AnalyticDensity) e).sample(n, rng, F64), true, 0, 0, "exact draws");
    }

    static double truth(EnergyFunction e) {
        return ((AnalyticDensity) e).logZ();
    }
}
