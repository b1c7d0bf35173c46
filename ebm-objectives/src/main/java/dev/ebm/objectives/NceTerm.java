package dev.ebm.objectives;

import dev.ebm.api.DataSource;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.spec.SpecException;
import dev.ebm.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code nce} term: logistic regression of data against ν·B noise draws with the logit
 * G(x) = −E(x) − c − log q(x) − log ν, where c (log Z) is the term's own parameter {@code logZ} (shape [1], initially
 * 0). The noise q is given, or fitted in {@link #prepare} to {@value #FIT_POINTS} data points drawn with the
 * preparation generator.
 */
final class NceTerm implements ObjectiveTerm {
    /** Data points drawn to fit the default noise distribution. */
    static final int FIT_POINTS = 10_000;

    private final int ratio;
    private final DataType dtype;
    private final ParameterSet params;
    private GaussianNoise noise;

    NceTerm(int ratio, GaussianNoise noise, DataType dtype) {
        this.ratio = ratio;
        this.noise = noise;
        this.dtype = dtype;
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put("logZ", Nd4j.zeros(dtype, 1));
        this.params = ParameterSet.trainable(p);
    }

    @Override
    public ParameterSet parameters() {
        return params;
    }

    /**
     * Fits the noise to the data, unless the spec gave it.
     *
     * @throws SpecException under {@code data} when the data's covariance is not positive definite in double
     *     precision (e.g. coordinates so large that it overflows): no Gaussian noise can be fitted
     */
    @Override
    public void prepare(DataSource data, Rng rng) {
        if (noise == null) {
            INDArray x = data.batch(FIT_POINTS, rng, DataType.DOUBLE);
            try {
                noise = GaussianNoise.fit(x.reshape(x.size(0), x.length() / x.size(0)), dtype);
            } catch (ArithmeticException e) {
                throw new SpecException("data", "nce cannot fit its Gaussian noise to this data (" + e.getMessage()
                        + "); give the nce term a noise: {mean: [...], std: s} or rescale the data");
            }
        }
    }

    /** The noise distribution (null until prepared when it is fitted). */
    GaussianNoise noise() {
        return noise;
    }

    @Override
    public boolean needsNegatives() {
        return false;
    }

    @Override
    public Tensor loss(TrainBatch batch) {
        if (noise == null) {
            throw new IllegalStateException("nce: the noise distribution is fitted to the data in prepare(), "
                    + "which was not called");
        }
        INDArray x = batch.xPos().value();
        long b = x.size(0);
        long d = x.length() / b;
        if (d != noise.dim()) {
            throw new IllegalArgumentException("nce: the noise has " + noise.dim() + " coordinates, a sample " + d);
        }
        long m = ratio * b;
        DataType dt = x.dataType();
        INDArray y = noise.sample(batch.rng(), m, dt);
        double logRatio = Math.log(ratio);
        INDArray offPos = noise.logDensity(x.reshape(b, d)).addi(logRatio);
        INDArray offNoise = noise.logDensity(y).addi(logRatio);
        long[] shape = x.shape().clone();
        shape[0] = m;
        Tensor eNoise = batch.energy().energy(Tensor.constant(y.reshape(shape)));
        Tensor logZ = params.get("logZ");
        // G = −E − c − log(ν q)
        Tensor gPos = batch.ePos().add(logZ.broadcastTo(b)).add(Tensor.constant(offPos)).neg();
        Tensor gNoise = eNoise.add(logZ.broadcastTo(m)).add(Tensor.constant(offNoise)).neg();
        // −log σ(G(x+)) averaged over data, plus ν times −log(1 − σ(G(y))) averaged over noise
        return Stable.softplus(gPos.neg()).mean().add(Stable.softplus(gNoise).mean().mul(ratio));
    }
}
