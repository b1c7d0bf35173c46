package dev.ebm.data.toy;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;

/**
 * Eight isotropic Gaussians of equal weight, means at radius·(cos 2πk/8, sin 2πk/8). log p is the closed-form
 * mixture density, by log-sum-exp. Bounds: the means' extent ± 4 std.
 */
public final class EightGaussians extends Toy2d {
    private static final int K = 8;
    private final double std;
    private final double[] mx = new double[K];
    private final double[] my = new double[K];
    private final double logNorm;
    private final Box bounds;

    public EightGaussians(double radius, double std) {
        this.std = std;
        for (int k = 0; k < K; k++) {
            mx[k] = radius * Math.cos(2 * Math.PI * k / K);
            my[k] = radius * Math.sin(2 * Math.PI * k / K);
        }
        // log(1/K) + log N's normaliser 1/(2πσ²)
        this.logNorm = -Math.log(K) - Math.log(2 * Math.PI * std * std);
        double r = radius + 4 * std;
        this.bounds = Box.uniform(2, -r, r);
    }

    @Override
    public Box bounds() {
        return bounds;
    }

    @Override
    void sample(Rng rng, Normals normals, double[] out, int at) {
        int k = rng.nextInt(K);
        out[at] = mx[k] + std * normals.next();
        out[at + 1] = my[k] + std * normals.next();
    }

    @Override
    double logDensity(double x, double y) {
        double[] terms = new double[K];
        double twoVar = 2 * std * std;
        for (int k = 0; k < K; k++) {
            double dx = x - mx[k];
            double dy = y - my[k];
            terms[k] = -(dx * dx + dy * dy) / twoVar;
        }
        return logNorm + logSumExp(terms, K);
    }
}
