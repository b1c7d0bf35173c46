package dev.ebm.transitions;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Random translation of images {@code [N, C, H, W]} (see {@link dev.ebm.transitions.spec.JitterSpec}): output
 * pixel (i, j) of image n is input pixel (i − dy_n, j − dx_n), with the source index clamped ({@code edge}),
 * taken modulo the size ({@code wrap}) or the value 0 outside the image ({@code zero}). For each image, dy then
 * dx are drawn with {@link Rng#nextInt}.
 */
final class Jitter implements Transition {
    private final int pixels;
    private final String fill;

    Jitter(int pixels, String fill) {
        this.pixels = pixels;
        this.fill = fill;
    }

    @Override
    public INDArray apply(INDArray x, Rng rng) {
        Images.requireImages("jitter", x);
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        double[] in = Images.values(x);
        double[] out = new double[in.length];
        for (int k = 0; k < n; k++) {
            int dy = rng.nextInt(2 * pixels + 1) - pixels;
            int dx = rng.nextInt(2 * pixels + 1) - pixels;
            for (int ch = 0; ch < c; ch++) {
                int base = (k * c + ch) * h * w;
                for (int i = 0; i < h; i++) {
                    int si = source(i - dy, h);
                    for (int j = 0; j < w; j++) {
                        int sj = source(j - dx, w);
                        out[base + i * w + j] = si < 0 || sj < 0 ? 0 : in[base + si * w + sj];
                    }
                }
            }
        }
        return Images.array(out, x.shape(), x.dataType());
    }

    /** The source index for {@code i} in [0, size), or −1 for a zero fill outside the image. */
    private int source(int i, int size) {
        if (i >= 0 && i < size) {
            return i;
        }
        return switch (fill) {
            case "edge" -> Math.min(size - 1, Math.max(0, i));
            case "wrap" -> Math.floorMod(i, size);
            default -> -1;
        };
    }
}
