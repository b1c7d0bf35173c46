package dev.ebm.example.plugin;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.TrainBatch;
import dev.ebm.autodiff.Tensor;

/**
 * mean over i, j of max(0, margin + E(x+_i) − E(x−_j)) for B data points and N negatives: a scalar whose gradient
 * lowers E at the data and raises it at the samples, for the pairs still closer than the margin.
 */
public final class HingeTerm implements ObjectiveTerm {
    private final double margin;

    public HingeTerm(double margin) {
        this.margin = margin;
    }

    @Override
    public Tensor loss(TrainBatch batch) {
        return loss(batch.ePos(), batch.eNeg(), margin);
    }

    /** The loss for energies ePos [B] and eNeg [N]. */
    public static Tensor loss(Tensor ePos, Tensor eNeg, double margin) {
        long b = ePos.shape()[0];
        long n = eNeg.shape()[0];
        Tensor gap = ePos.reshape(b, 1).broadcastTo(b, n).sub(eNeg.reshape(1, n).broadcastTo(b, n)).add(margin);
        return gap.leakyRelu(0.0).mean();
    }
}
