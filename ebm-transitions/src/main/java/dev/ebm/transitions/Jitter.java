package dev.ebm.transitions;

import dev.ebm.api.Rng;

/**
 * Random translation of images {@code [N, C, H, W]} (see {@link dev.ebm.transitions.spec.JitterSpec}): output
 * pixel (i, j) of a chosen image is input pixel (i − dy, j − dx), with the source index clamped ({@code edge}),
 * taken modulo the size ({@code wrap}) or the value 0 outside the image ({@code zero}). For each chosen image, in
 * order, dy then dx are drawn with {@link Rng#nextInt}.
 */
final class Jitter extends ImageTransition {
    private final int pixels;
    private final String fill;

    Jitter(int pixels, String fill, double p) {
        super("jitter", p);
        this.pixels = pixels;
        this.fill = fill;
    }

    @Override
    protected void transform(double[] v, int[] chosen, int c, int h, int w, Rng rng) {
        double[] plane = new double[h * w];
        int[] rows = new int[h];
        int[] cols = new int[w];
        for (int k : chosen) {
            int dy = rng.nextInt(2 * pixels + 1) - pixels;
            int dx = rng.nextInt(2 * pixels + 1) - pixels;
            for (int i = 0; i < h; i++) {
                rows[i] = source(i - dy, h);
            }
            for (int j = 0; j < w; j++) {
                cols[j] = source(j - dx, w);
            }
            for (int ch = 0; ch < c; ch++) {
                int base = (k * c + ch) * h * w;
                System.arraycopy(v, base, plane, 0, h * w);
                for (int i = 0; i < h; i++) {
                    int si = rows[i];
                    for (int j = 0; j < w; j++) {
                        int sj = cols[j];
                        v[base + i * w + j] = si < 0 || sj < 0 ? 0 : plane[si * w + sj];
                    }
                }
            }
        }
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
