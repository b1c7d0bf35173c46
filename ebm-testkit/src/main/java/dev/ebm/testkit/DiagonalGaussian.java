package dev.ebm.testkit;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * N(μ, diag(σ²)) as an energy on flattened samples, E(x) = Σ_j (x_j − μ_j)²/(2σ_j²) + Σ_j log(σ_j√(2π)), with
 * exact sampling and per-coordinate CDFs: the reference target of {@link SamplerKernelContract}. It is written
 * here rather than taken from a plugin so that the contract depends on nothing but the API.
 */
public final class DiagonalGaussian implements EnergyFunction {
    private final double[] mean;
    private final double[] std;
    private final long[] sampleShape;
    private final double logZ;
    private final Map<DataType, Tensor[]> constants = new EnumMap<>(DataType.class);

    /**
     * @param mean μ, one entry per coordinate of a flattened sample
     * @param std σ > 0, one entry per coordinate
     * @param sampleShape the shape of one sample (its size must be the number of coordinates), e.g. {@code {2}}
     */
    public DiagonalGaussian(double[] mean, double[] std, long... sampleShape) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std differ in length");
        }
        long size = 1;
        for (long s : sampleShape) {
            size *= s;
        }
        if (size != mean.length) {
            throw new IllegalArgumentException("sample shape " + Arrays.toString(sampleShape) + " does not hold "
                    + mean.length + " coordinates");
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.sampleShape = sampleShape.clone();
        double z = 0;
        for (double s : std) {
            z += Math.log(s * Math.sqrt(2 * Math.PI));
        }
        this.logZ = z;
    }

    /** N(0, I) on {@code dim} coordinates. */
    public static DiagonalGaussian standard(int dim) {
        double[] s = new double[dim];
        Arrays.fill(s, 1.0);
        return new DiagonalGaussian(new double[dim], s, dim);
    }

    public int dim() {
        return mean.length;
    }

    public double mean(int j) {
        return mean[j];
    }

    public double std(int j) {
        return std[j];
    }

    /** The CDF of coordinate j. */
    public DoubleUnaryOperator cdf(int j) {
        NormalDistribution d = NormalDistribution.of(mean[j], std[j]);
        return d::cumulativeProbability;
    }

    /** {@code n} exact independent draws of shape {@code [n, ...sampleShape]}. */
    public INDArray sample(Rng rng, long n, DataType dtype) {
        INDArray z = rng.normal(DataType.DOUBLE, n, mean.length);
        z.muliRowVector(Nd4j.createFromArray(std)).addiRowVector(Nd4j.createFromArray(mean));
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = n;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return z.castTo(dtype).reshape(shape);
    }

    @Override
    public ParameterSet parameters() {
        return ParameterSet.empty();
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet params) {
        long n = x.shape()[0];
        Tensor flat = x.rank() == 2 ? x : x.reshape(n, mean.length);
        Tensor[] c = constants(x.dtype());
        Tensor z = flat.sub(c[0]).mul(c[1]);
        return z.square().sum(false, 1).mul(0.5).add(logZ);
    }

    private synchronized Tensor[] constants(DataType dtype) {
        return constants.computeIfAbsent(dtype, dt -> {
            double[] inv = new double[std.length];
            for (int j = 0; j < inv.length; j++) {
                inv[j] = 1 / std[j];
            }
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                return new Tensor[] {
                    Tensor.constant(Nd4j.createFromArray(mean).reshape(1, mean.length).castTo(dt)),
                    Tensor.constant(Nd4j.createFromArray(inv).reshape(1, inv.length).castTo(dt))};
            }
        });
    }
}
