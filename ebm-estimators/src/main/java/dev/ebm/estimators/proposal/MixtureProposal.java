package dev.ebm.estimators.proposal;

import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import dev.ebm.estimators.stats.LogMean;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A mixture Σ_k π_k·q_k of proposals: draws pick a component with probability π_k, log-densities are the stable
 * log Σ_k exp(log π_k + log q_k(x)). With Gaussian components fitted by EM ({@link #fit}) it is the proposal for
 * multimodal models; with weights n_k/N over several proposals it is the balance-heuristic mixture of multiple
 * importance sampling.
 */
public final class MixtureProposal implements DifferentiableProposal {
    private final double[] logWeights;
    private final List<Proposal> components;
    private final String label;

    /**
     * @param weights π_k, positive; normalised here
     * @param components q_k, all of one dimension
     */
    public MixtureProposal(double[] weights, List<? extends Proposal> components, String label) {
        if (weights.length != components.size() || weights.length == 0) {
            throw new IllegalArgumentException("a mixture needs one weight per component, found " + weights.length
                    + " weights and " + components.size() + " components");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("mixture weights must be > 0, found " + w);
            }
            total += w;
        }
        this.logWeights = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            logWeights[k] = Math.log(weights[k] / total);
        }
        int d = components.get(0).dim();
        for (Proposal q : components) {
            if (q.dim() != d) {
                throw new IllegalArgumentException("mixture components differ in dimension: " + d + " and "
                        + q.dim());
            }
        }
        this.components = List.copyOf(components);
        this.label = label;
    }

    /**
     * A mixture of {@code k} full-covariance Gaussians fitted to the rows of {@code x} by expectation maximisation
     * in log space, started from k-means++ clusters, until the mean log-likelihood gains less than 1e-6 (relative)
     * or after {@code iterations}; each covariance is ridged (1e-6 of its mean variance) and its standard deviations
     * multiplied by {@code scale} at the end.
     */
    public static MixtureProposal fit(INDArray x, int k, double scale, int iterations, Rng rng) {
        return GaussianMixtureFit.fit(Linalg.rows(x), k, scale, iterations, rng);
    }

    /**
     * This mixture with every Gaussian component's standard deviations multiplied by {@code scale}.
     *
     * @throws UnsupportedOperationException when a component is not a {@link GaussianProposal}
     */
    public MixtureProposal scaled(double scale) {
        List<Proposal> out = new ArrayList<>();
        for (Proposal q : components) {
            if (!(q instanceof GaussianProposal g)) {
                throw new UnsupportedOperationException("cannot scale " + q.describe());
            }
            out.add(g.scaled(scale));
        }
        return new MixtureProposal(weights(), out, label + " x" + scale);
    }

    public List<Proposal> components() {
        return components;
    }

    /** π_k. */
    public double[] weights() {
        double[] w = new double[logWeights.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.exp(logWeights[k]);
        }
        return w;
    }

    @Override
    public int dim() {
        return components.get(0).dim();
    }

    @Override
    public INDArray sample(int n, Rng rng, DataType dtype) {
        int[] counts = new int[components.size()];
        int[] which = new int[n];
        double[] w = weights();
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int k = 0;
            double acc = w[0];
            while (k < w.length - 1 && u >= acc) {
                acc += w[++k];
            }
            which[i] = k;
            counts[k]++;
        }
        INDArray out = Nd4j.create(DataType.DOUBLE, n, dim());
        List<INDArray> draws = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            draws.add(counts[k] == 0 ? null : components.get(k).sample(counts[k], rng, DataType.DOUBLE));
        }
        int[] used = new int[counts.length];
        for (int i = 0; i < n; i++) {
            int k = which[i];
            out.putRow(i, draws.get(k).getRow(used[k]++));
        }
        return out.castTo(dtype);
    }

    @Override
    public double[] logDensity(INDArray x) {
        int n = (int) x.size(0);
        double[][] parts = new double[components.size()][];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = components.get(k).logDensity(x);
        }
        double[] out = new double[n];
        double[] terms = new double[parts.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < parts.length; k++) {
                terms[k] = logWeights[k] + parts[k][i];
            }
            out[i] = LogMean.logSumExp(terms);
        }
        return out;
    }

    /**
     * log Σ_k π_k q_k(x) on the tape, shifted by the (constant) elementwise maximum of the terms; needs every
     * component to be differentiable.
     */
    @Override
    public Tensor logDensity(Tensor flat) {
        long n = flat.shape()[0];
        Tensor[] terms = new Tensor[components.size()];
        INDArray max = null;
        for (int k = 0; k < terms.length; k++) {
            if (!(components.get(k) instanceof DifferentiableProposal dq)) {
                throw new UnsupportedOperationException(components.get(k).describe() + " has no differentiable "
                        + "log-density");
            }
            terms[k] = dq.logDensity(flat).add(logWeights[k]);
            max = max == null ? terms[k].value().dup() : org.nd4j.linalg.ops.transforms.Transforms.max(max,
                    terms[k].value(), true);
        }
        Tensor m = Tensor.constant(max);
        Tensor sum = terms[0].sub(m).exp();
        for (int k = 1; k < terms.length; k++) {
            sum = sum.add(terms[k].sub(m).exp());
        }
        return sum.log().add(m).reshape(n);
    }

    @Override
    public String describe() {
        return label;
    }
}
