package dev.ebm.samplers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.SamplerSpec;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plugins built from JSON specs through the registry (so the energies come from ebm-energies through
 * ServiceLoader, as in a run), and exact samplers and distribution functions of the analytic targets.
 */
public final class Fixtures {
    public static final PluginRegistry REGISTRY = PluginRegistry.load();

    private Fixtures() {}

    public static <T> T spec(String json, Class<T> kind) {
        try {
            return new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), kind);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static PluginContext context(long dim) {
        return new PluginContext(DataType.FLOAT, new long[] {dim}, null, REGISTRY, new Rng(0));
    }

    public static EnergyFunction energy(String json, long dim) {
        return REGISTRY.create(spec(json, EnergySpec.class), context(dim));
    }

    public static SamplerKernel kernel(String json) {
        return REGISTRY.create(spec(json, SamplerSpec.class), context(1));
    }

    /** A mixture of isotropic Gaussians with its exact sampler and distribution functions. */
    public record Mixture(double[] weights, double[][] means, double[] stds) {

        public int dim() {
            return means[0].length;
        }

        /** The {@code gaussian-mixture} spec of this mixture. */
        public String json() {
            StringBuilder sb = new StringBuilder("{\"type\":\"gaussian-mixture\",\"weights\":");
            sb.append(java.util.Arrays.toString(weights)).append(",\"means\":[");
            for (int k = 0; k < means.length; k++) {
                sb.append(k == 0 ? "" : ",").append(java.util.Arrays.toString(means[k]));
            }
            return sb.append("],\"stds\":").append(java.util.Arrays.toString(stds)).append('}').toString();
        }

        /** {@code n} exact draws {@code [n, dim]}. */
        public INDArray sample(Rng rng, int n, DataType dtype) {
            double[] u = rng.uniform(DataType.DOUBLE, n).toDoubleVector();
            double[] z = rng.normal(DataType.DOUBLE, n, dim()).reshape(n * (long) dim()).toDoubleVector();
            double[] out = new double[n * dim()];
            for (int i = 0; i < n; i++) {
                int k = 0;
                double c = weights[0];
                while (u[i] >= c && k < weights.length - 1) {
                    c += weights[++k];
                }
                for (int j = 0; j < dim(); j++) {
                    out[i * dim() + j] = means[k][j] + stds[k] * z[i * dim() + j];
                }
            }
            return Nd4j.createFromArray(out).reshape(n, dim()).castTo(dtype);
        }

        /** The marginal CDF of coordinate j. */
        public DoubleUnaryOperator marginalCdf(int j) {
            NormalDistribution[] d = new NormalDistribution[weights.length];
            for (int k = 0; k < d.length; k++) {
                d[k] = NormalDistribution.of(means[k][j], stds[k]);
            }
            return x -> {
                double s = 0;
                for (int k = 0; k < d.length; k++) {
                    s += weights[k] * d[k].cumulativeProbability(x);
                }
                return s;
            };
        }

        /** The probability of the 2-D box [x0, x1] × [y0, y1]. */
        public double boxProbability(double x0, double x1, double y0, double y1) {
            double s = 0;
            for (int k = 0; k < weights.length; k++) {
                NormalDistribution dx = NormalDistribution.of(means[k][0], stds[k]);
                NormalDistribution dy = NormalDistribution.of(means[k][1], stds[k]);
                s += weights[k] * (dx.cumulativeProbability(x1) - dx.cumulativeProbability(x0))
                        * (dy.cumulativeProbability(y1) - dy.cumulativeProbability(y0));
            }
            return s;
        }
    }
}
