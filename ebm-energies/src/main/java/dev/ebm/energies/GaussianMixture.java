package dev.ebm.energies;

import dev.ebm.api.AnalyticDensity;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.GaussianMixtureSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E(x) = −log Σ_k w_k·N(x; μ_k, σ_k²I) on flattened samples, as −(m + log Σ_k exp(a_k − m)) with
 * a_k = log w_k − (D/2)·log(2πσ_k²) − ‖x − μ_k‖²/(2σ_k²) and m = max_k a_k held constant: the value is exact for
 * any m, so gradients of every order from the tape are exact too, and nothing overflows. With a temperature
 * T = 1/n and an offset c the energy is n·E(x) + c, whose exact log Z and exact draws come from the expansion of the
 * n-th power ({@link MixturePower}). No parameters.
 */
public final class GaussianMixture implements EnergyFunction, AnalyticDensity {
    private final int dim;
    private final int components;
    private final int power;
    private final double offset;
    private final MixturePower expansion;
    private final double[] logOffset;
    private final double[] precisionHalf;
    private final AnalyticConstants<Tensor[]> means;

    public GaussianMixture(GaussianMixtureSpec spec) {
        this.dim = spec.dim();
        this.components = spec.components();
        this.power = spec.power();
        this.offset = spec.offset();
        this.expansion = new MixturePower(spec, power);
        this.logOffset = new double[components];
        this.precisionHalf = new double[components];
        double[][] mu = new double[components][];
        for (int k = 0; k < components; k++) {
            double s = spec.std(k);
            logOffset[k] = Math.log(spec.weight(k)) - 0.5 * dim * Math.log(2 * Math.PI * s * s);
            precisionHalf[k] = 0.5 / (s * s);
            mu[k] = spec.mean(k);
        }
        this.means = new AnalyticConstants<>(dt -> {
            Tensor[] t = new Tensor[components];
            for (int k = 0; k < components; k++) {
                t[k] = Tensor.constant(AnalyticConstants.row(mu[k], dt));
            }
            return t;
        });
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
        Tensor flat = Analytic.flatten(x, dim, "gaussian-mixture");
        long n = flat.shape()[0];
        Tensor[] mu = means.get(x.dtype());
        Tensor[] terms = new Tensor[components];
        for (int k = 0; k < components; k++) {
            Tensor sq = flat.sub(mu[k]).square();
            terms[k] = (dim == 1 ? sq : sq.sum(true, 1)).mul(-precisionHalf[k]).add(logOffset[k]);
        }
        // m: the elementwise maximum over components, held constant (elementwise ops only: reductions across a
        // short axis cost more than the whole energy in ND4J).
        INDArray max = terms[0].value();
        for (int k = 1; k < components; k++) {
            max = Transforms.max(max, terms[k].value(), true);
        }
        Tensor m = Tensor.constant(max);
        Tensor sum = terms[0].sub(m).exp();
        for (int k = 1; k < components; k++) {
            sum = sum.add(terms[k].sub(m).exp());
        }
        Tensor lse = sum.log().add(m).reshape(n);
        Tensor e = power == 1 ? lse.neg() : lse.mul(-power);
        return offset == 0.0 ? e : e.add(offset);
    }

    /** log ∫(Σ_k w_k N_k)^n − c, from the expansion of the n-th power. */
    @Override
    public double logZ() {
        return expansion.logIntegral() - offset;
    }

    @Override
    public INDArray sample(int n, Rng rng, DataType dtype) {
        return expansion.sample(n, rng, dtype);
    }
}
