package dev.ebm.testkit;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A small smooth energy with parameters, for the contracts of objective terms: E(x) = s·(tanh(xW + b)·v + ½‖x‖²)
 * on flattened samples of {@code dim} coordinates, float64 unless another type is given, with {@code hidden} tanh units. {@code s} scales it
 * (a large {@code s} gives the large energies of the edge-case checks); the ½‖x‖² part keeps exp(−E) integrable.
 */
public final class TinyEnergy implements EnergyFunction {
    private final ParameterSet params;
    private final int dim;
    private final double scale;

    /**
     * @param dim coordinates of a sample
     * @param hidden tanh units
     * @param scale the factor s
     * @param rng initialises W, b and v with N(0, 1) draws (W scaled by 1/√dim)
     */
    public TinyEnergy(int dim, int hidden, double scale, Rng rng) {
        this(dim, hidden, scale, rng, DataType.DOUBLE);
    }

    /** The same energy computing in {@code dtype}. */
    public TinyEnergy(int dim, int hidden, double scale, Rng rng, DataType dtype) {
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put("w", rng.normal(DataType.DOUBLE, dim, hidden).muli(1 / Math.sqrt(dim)).castTo(dtype));
        p.put("b", rng.normal(DataType.DOUBLE, 1, hidden).muli(0.5).castTo(dtype));
        p.put("v", rng.normal(DataType.DOUBLE, hidden, 1).castTo(dtype));
        this.params = ParameterSet.trainable(p);
        this.dim = dim;
        this.scale = scale;
    }

    @Override
    public ParameterSet parameters() {
        return params;
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet p) {
        long n = x.shape()[0];
        Tensor flat = x.reshape(n, dim);
        Tensor h = flat.matmul(p.get("w")).add(p.get("b")).tanh().matmul(p.get("v")).reshape(n);
        return h.add(flat.square().sum(false, 1).mul(0.5)).mul(scale);
    }

    @Override
    public long[] sampleShape() {
        return new long[] {dim};
    }
}
