package dev.ebm.transitions;

import dev.ebm.api.Rng;

/**
 * Horizontal flip of images {@code [N, C, H, W]}: each image chosen with probability p ({@link Chosen}) is mirrored
 * (column j ← column W − 1 − j, every channel).
 */
final class Flip extends ImageTransition {

    Flip(double p) {
        super("flip", p);
    }

    @Override
    protected void transform(double[] v, int[] chosen, int c, int h, int w, Rng rng) {
        for (int k : chosen) {
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
}
