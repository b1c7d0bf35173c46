package dev.ebm.transitions;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Horizontal flip of images {@code [N, C, H, W]}: image n is mirrored (column j ← column W − 1 − j, every
 * channel) when u_n &lt; p, u_n drawn with {@link Rng#nextDouble} in image order.
 */
final class Flip implements Transition {
    private final double p;

    Flip(double p) {
        this.p = p;
    }

    @Override
    public INDArray apply(INDArray x, Rng rng) {
        Images.requireImages("flip", x);
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        double[] v = Images.values(x);
        for (int k = 0; k < n; k++) {
            if (rng.nextDouble() < p) {
                for (int row = 0; row < c * h; row++) {
                    int base = (k * c * h + row) * w;
                    for (int j = 0; j < w / 2; j++) {
                        double t = v[base + j];
                        v[base + j] = v[base + w - 1 - j];
                        v[base + w - 1 - j] = t;
                    }
                }
            }
        }
        return Images.array(v, x.shape(), x.dataType());
    }
}
