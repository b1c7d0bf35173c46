package dev.ebm.example.plugin;

import dev.ebm.api.Box;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * E(x) = −log Σ_k π_k N(x; c_k, s_k² I) on flattened samples of d coordinates, with π = softmax(a): a normalised
 * density (log Z = 0). Parameters: {@code centres} [K, d], {@code logWidths} [K] (log s_k), {@code logits} [K]
 * (a). The log-sum-exp over bumps subtracts its row maximum as a constant, which leaves values and gradients exact.
 */
public final class RbfEnergy implements EnergyFunction {
    private final int dim;
    private final int k;
    private final ParameterSet parameters;

    /**
     * @param centres K
     * @param width the initial s of every bump
     * @param dim d, the number of coordinates of a sample
     * @param box where the initial centres are drawn uniformly (the data's bounding box)
     * @param dtype the parameters' data type
     * @param rng randomness for the initial centres
     */
    public RbfEnergy(int centres, double width, int dim, Box box, DataType dtype, Rng rng) {
        this.dim = dim;
        this.k = centres;
        double[] low = new double[dim];
        double[] range = new double[dim];
        for (int j = 0; j < dim; j++) {
            low[j] = box == null ? -1 : box.low()[j];
            range[j] = box == null ? 2 : box.high()[j] - low[j];
        }
        INDArray c = rng.uniform(dtype, k, dim).muliRowVector(Nd4j.createFromArray(range).castTo(dtype))
                .addiRowVector(Nd4j.createFromArray(low).castTo(dtype));
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put("centres", c);
        p.put("logWidths", Nd4j.valueArrayOf(new long[] {k}, Math.log(width), dtype));
        p.put("logits", Nd4j.zeros(dtype, k));
        this.parameters = ParameterSet.trainable(p);
    }

    @Override
    public ParameterSet parameters() {
        return parameters;
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet params) {
        long n = x.shape()[0];
        if (x.value().length() != n * dim) {
            throw new IllegalArgumentException("rbf: samples of " + dim + " coordinates expected, found shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        Tensor c = params.get("centres");
        Tensor logS = params.get("logWidths");
        Tensor a = params.get("logits");
        Tensor flat = x.reshape(n, dim);
        Tensor diff = flat.reshape(n, 1, dim).broadcastTo(n, k, dim).sub(c.reshape(1, k, dim).broadcastTo(n, k, dim));
        Tensor sq = diff.square().sum(false, 2);
        Tensor halfPrecision = logS.mul(-2.0).exp().mul(0.5);
        // log π_k − d·log s_k − (d/2)·log 2π, per bump
        Tensor logPi = a.sub(logSumExp(a.reshape(1, k)).reshape(1).broadcastTo(k));
        Tensor logNorm = logPi.sub(logS.mul(dim)).add(-0.5 * dim * Math.log(2 * Math.PI));
        Tensor z = logNorm.reshape(1, k).broadcastTo(n, k).sub(sq.mul(halfPrecision.reshape(1, k).broadcastTo(n, k)));
        return logSumExp(z).neg();
    }

    /** log Σ_j exp(z_ij) per row of z [n, k], shape [n]. */
    private static Tensor logSumExp(Tensor z) {
        long n = z.shape()[0];
        long k = z.shape()[1];
        Tensor m = Tensor.constant(z.value().max(1).reshape(n, 1));
        return z.sub(m.broadcastTo(n, k)).exp().sum(false, 1).log().add(m.reshape(n));
    }
}
