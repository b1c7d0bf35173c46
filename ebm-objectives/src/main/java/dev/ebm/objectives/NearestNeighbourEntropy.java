package dev.ebm.objectives;

import dev.ebm.autodiff.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Kozachenko–Leonenko nearest-neighbour entropy estimate, on the tape:
 * <pre>
 *   H(x₁..xₙ) = (d/n)·Σᵢ log NN(xᵢ),   NN(xᵢ) = min over r ∈ ({x_j : j ≠ i} ∪ R) of ‖xᵢ − r‖,
 * </pre>
 * with d the dimension of one (flattened) sample and R an optional reference set of constants (a memory of past
 * samples). The full estimator adds ψ(n) − ψ(1) + log V_d (V_d the volume of the unit d-ball) with the batch alone
 * as reference; these constants do not depend on the samples and are dropped. A sample's own position never counts
 * as its neighbour.
 *
 * <p>The nearest neighbour is chosen on values (a constant, piecewise choice); the distance to it is then
 * recomputed on the tape from the difference of the two points, so the estimate is differentiable in every
 * sample that is someone's nearest neighbour or has one, exactly wherever no two neighbours are at the same
 * distance. log NN is evaluated as ½·log(‖xᵢ − r‖² + δ) with δ = 1e-12, which only matters for coincident points.
 */
final class NearestNeighbourEntropy {
    /** Added to squared distances inside the logarithm, so coincident points give a finite value. */
    static final double DELTA = 1e-12;

    private NearestNeighbourEntropy() {}

    /**
     * @param x samples {@code [n, ...]}, on the tape or constant
     * @param reference extra neighbours {@code [m, d]} (constants), or null
     * @return the scalar estimate (zero when no sample has a neighbour)
     */
    static Tensor estimate(Tensor x, INDArray reference) {
        long n = x.shape()[0];
        long d = x.value().length() / Math.max(n, 1);
        long m = reference == null ? 0 : reference.size(0);
        if (n == 0 || n + m < 2) {
            return Tensor.scalar(0.0, x.dtype());
        }
        Tensor flat = x.reshape(n, d);
        INDArray xv = flat.value();
        INDArray all = m == 0 ? xv : Nd4j.concat(0, xv, reference.castTo(xv.dataType()));
        int[] nearest = nearest(xv, all);
        // one-hot choice of each sample's neighbour: columns [0, n) are the batch, [n, n + m) the reference set
        double[] inBatch = new double[(int) (n * n)];
        double[] inReference = m == 0 ? null : new double[(int) (n * m)];
        boolean anyInBatch = false;
        for (int i = 0; i < n; i++) {
            int j = nearest[i];
            if (j < n) {
                inBatch[(int) (i * n + j)] = 1;
                anyInBatch = true;
            } else {
                inReference[(int) (i * m + j - n)] = 1;
            }
        }
        Tensor neighbour = null;
        if (anyInBatch) {
            neighbour = Tensor.constant(matrix(inBatch, n, n, xv.dataType())).matmul(flat);
        }
        if (m > 0) {
            INDArray fromReference = Nd4j.gemm(matrix(inReference, n, m, xv.dataType()),
                    all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(n, n + m),
                            org.nd4j.linalg.indexing.NDArrayIndex.all()), false, false);
            Tensor c = Tensor.constant(fromReference);
            neighbour = neighbour == null ? c : neighbour.add(c);
        }
        Tensor sq = flat.sub(neighbour).square().sum(false, 1);
        Tensor logNn = sq.add(DELTA).log().mul(0.5);
        return logNn.sum().mul((double) d / n);
    }

    private static INDArray matrix(double[] values, long rows, long cols, DataType dtype) {
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE).castTo(dtype);
    }

    /** For each row of {@code x}, the index in {@code all} of its nearest row other than itself (row i of all). */
    private static int[] nearest(INDArray x, INDArray all) {
        int n = (int) x.size(0);
        int k = (int) all.size(0);
        INDArray xx = x.mul(x).sum(1).reshape(n, 1);
        INDArray rr = all.mul(all).sum(1).reshape(1, k);
        // ‖x − r‖² = ‖x‖² + ‖r‖² − 2·x·r (only the ordering is used: the distance itself is recomputed exactly)
        INDArray d2 = Nd4j.gemm(x, all, false, true).muli(-2).addiColumnVector(xx).addiRowVector(rr);
        double[] v = Nd4j.toFlattened('c', d2).castTo(DataType.DOUBLE).toDoubleVector();
        int[] best = new int[n];
        for (int i = 0; i < n; i++) {
            double min = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int j = 0, at = i * k; j < k; j++, at++) {
                if (j != i && v[at] < min) {
                    min = v[at];
                    arg = j;
                }
            }
            best[i] = arg < 0 ? (i == 0 ? 1 : 0) : arg;
        }
        return best;
    }

    /**
     * The entropy estimate's large allocations: the chains' distances to each other and to the memory of past end
     * points, as a one-hot choice on the heap and on the tape ({@code chains × (chains + buffer)}), and the memory.
     */
    static java.util.List<dev.ebm.api.plugin.Allocation> allocations(dev.ebm.objectives.spec.EntropySpec entropy,
            dev.ebm.api.plugin.Sizing sizing) {
        long n = sizing.chains();
        long m = entropy.buffer();
        return java.util.List.of(new dev.ebm.api.plugin.Allocation("entropy.buffer",
                dev.ebm.api.plugin.Allocation.product(4, n, n + m, 8), n + " chains × (" + n + " chains + " + m
                        + " remembered samples) × 8 bytes × 4 (the nearest-neighbour search and its one-hot choice)"));
    }
}
