package dev.ebm.samplers.negatives;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;
import dev.ebm.api.traits.ChainStart;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Draws chain starts from uniform, Gaussian or data initialisations. */
final class Inits {
    private final String kind;
    private final double std;
    private final INDArray low;
    private final INDArray width;
    private final long[] sampleShape;
    private final DataType dtype;

    /**
     * @param low per-coordinate lower ends of the uniform init (flattened sample size), from the spec or the data
     */
    Inits(String kind, double std, Double lowSpec, Double highSpec, Box dataBounds, long[] sampleShape, DataType dtype) {
        this.kind = kind;
        this.std = std;
        this.sampleShape = sampleShape.clone();
        this.dtype = dtype;
        long size = 1;
        for (long s : sampleShape) {
            size *= s;
        }
        double[] lo = new double[(int) size];
        double[] hi = new double[(int) size];
        for (int i = 0; i < size; i++) {
            if (lowSpec != null) {
                lo[i] = lowSpec;
                hi[i] = highSpec;
            } else if (dataBounds != null) {
                lo[i] = dataBounds.low()[i];
                hi[i] = dataBounds.high()[i];
            } else {
                lo[i] = -1;
                hi[i] = 1;
            }
        }
        this.low = Nd4j.createFromArray(lo).castTo(dtype).reshape(shapeOf(1));
        this.width = Nd4j.createFromArray(hi).castTo(dtype).reshape(shapeOf(1)).subi(low);
    }

    /** The declared law of a noise init ({@code uniform} or {@code gaussian}). */
    static ChainStart.Noise law(String kind, double std, Double low, Double high) {
        return switch (kind) {
            case "uniform" -> ChainStart.Noise.uniform(low, high);
            case "gaussian" -> ChainStart.Noise.gaussian(std);
            default -> throw new IllegalArgumentException("not a noise init: " + kind);
        };
    }

    long[] shapeOf(long n) {
        long[] s = new long[sampleShape.length + 1];
        s[0] = n;
        System.arraycopy(sampleShape, 0, s, 1, sampleShape.length);
        return s;
    }

    /** {@code n} fresh starts; {@code data} is used by the data init (rows drawn at random). */
    INDArray draw(int n, INDArray data, Rng rng) {
        return switch (kind) {
            case "uniform" -> rng.uniform(dtype, shapeOf(n)).muli(width).addi(low);
            case "gaussian" -> rng.normal(dtype, shapeOf(n)).muli(std);
            case "data" -> rows(data, n, rng);
            default -> throw new IllegalStateException("unknown init " + kind);
        };
    }

    /** {@code n} rows of {@code data} drawn uniformly with replacement. */
    static INDArray rows(INDArray data, int n, Rng rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt((int) data.size(0));
        }
        return gather(data, idx);
    }

    static INDArray gather(INDArray src, int[] idx) {
        long[] shape = src.shape().clone();
        shape[0] = idx.length;
        INDArray flat = src.reshape(src.size(0), src.length() / src.size(0));
        INDArray out = flat.getRows(idx);
        return out.reshape(shape);
    }
}
