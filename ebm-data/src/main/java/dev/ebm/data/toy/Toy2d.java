package dev.ebm.data.toy;

import dev.ebm.api.Rng;
import dev.ebm.api.ToyDensity;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D toy density: samples are drawn point by point in double precision from the explicit {@link Rng} only (so a
 * batch depends on the generator's state alone, not on ND4J's native generator), and the exact log-density is
 * evaluated point by point, in parallel over rows for large inputs.
 */
abstract class Toy2d implements ToyDensity {
    private static final int PARALLEL_ROWS = 2048;

    @Override
    public final long[] sampleShape() {
        return new long[] {2};
    }

    @Override
    public final INDArray batch(int n, Rng rng, DataType dtype) {
        if (n < 0) {
            throw new IllegalArgumentException("batch size must be >= 0, found " + n);
        }
        if (n == 0) {
            return Nd4j.create(dtype, 0, 2);
        }
        double[] xy = new double[2 * n];
        Normals normals = new Normals(rng);
        for (int i = 0; i < n; i++) {
            sample(rng, normals, xy, 2 * i);
        }
        return Nd4j.createFromArray(xy).reshape(n, 2).castTo(dtype);
    }

    @Override
    public final double[] logDensity(INDArray x) {
        if (x.rank() != 2 || x.size(1) != 2) {
            throw new IllegalArgumentException("expected points [N, 2], found " + java.util.Arrays.toString(x.shape()));
        }
        int n = (int) x.size(0);
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        double[] xy = x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        IntStream rows = IntStream.range(0, n);
        if (n >= PARALLEL_ROWS) {
            rows = rows.parallel();
        }
        rows.forEach(i -> {
            double a = xy[2 * i];
            double b = xy[2 * i + 1];
            out[i] = Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : logDensity(a, b);
        });
        return out;
    }

    /** Writes one sample to {@code out[at]}, {@code out[at + 1]}. */
    abstract void sample(Rng rng, Normals normals, double[] out, int at);

    /** Exact log p at (x, y); −∞ outside the support. */
    abstract double logDensity(double x, double y);

    /** log(Σ exp(v[i])) over the first {@code n} entries, without overflow or needless underflow. */
    static double logSumExp(double[] v, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, v[i]);
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(v[i] - max);
        }
        return max + Math.log(s);
    }
}
