package dev.ebm.transitions.elastic;

import dev.ebm.api.Rng;
import dev.ebm.transitions.ImageTransition;
import dev.ebm.transitions.imaging.Bilinear;

/**
 * Elastic deformation of images {@code [N, C, H, W]} (see {@link dev.ebm.transitions.spec.ElasticSpec}): for the
 * chosen images a {@link DisplacementField} (dy, dx) is drawn, and output pixel (i, j) of every channel is the
 * input at (i + dy(i, j), j + dx(i, j)) by {@link Bilinear} interpolation (border pixels extended). A zero-strength
 * field leaves the images untouched (bit for bit) and draws nothing beyond the choice of images.
 */
final class Elastic extends ImageTransition {
    private final DisplacementField field;

    Elastic(DisplacementField field, double p) {
        super("elastic", p);
        this.field = field;
    }

    @Override
    protected void transform(double[] v, int[] chosen, int c, int h, int w, Rng rng) {
        if (field.zero()) {
            return;
        }
        int hw = h * w;
        double[] dy = new double[chosen.length * hw];
        double[] dx = new double[chosen.length * hw];
        field.draw(chosen.length, h, w, rng, dy, dx);
        double[] plane = new double[hw];
        for (int q = 0; q < chosen.length; q++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (chosen[q] * c + ch) * hw;
                System.arraycopy(v, base, plane, 0, hw);
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        int d = q * hw + i * w + j;
                        v[base + i * w + j] = Bilinear.at(plane, 0, h, w, i + dy[d], j + dx[d]);
                    }
                }
            }
        }
    }
}
