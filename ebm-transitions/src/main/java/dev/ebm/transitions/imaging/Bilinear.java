package dev.ebm.transitions.imaging;

/**
 * Bilinear interpolation in one image plane stored row-major, with the border extended outwards: a coordinate
 * outside [0, h − 1] × [0, w − 1] is clamped to it first, which is the same as repeating the border pixels
 * (scipy's {@code nearest} mode). The border rule keeps a constant image constant and needs no fill value, so it
 * suits images scaled to [0, 1] and to [−1, 1] alike (MNIST's border pixels are background either way).
 */
public final class Bilinear {
    private Bilinear() {}

    /**
     * The value at row coordinate {@code y} and column coordinate {@code x} of the plane {@code v[base ..
     * base + h·w)}. Written as nested linear interpolations a + f·(b − a), so integer coordinates return the pixel
     * exactly and a constant plane returns its constant exactly.
     */
    public static double at(double[] v, int base, int h, int w, double y, double x) {
        y = y <= 0 ? 0 : Math.min(y, h - 1);
        x = x <= 0 ? 0 : Math.min(x, w - 1);
        int y0 = (int) y;
        int x0 = (int) x;
        double fy = y - y0;
        double fx = x - x0;
        int y1 = y0 < h - 1 ? y0 + 1 : y0;
        int x1 = x0 < w - 1 ? x0 + 1 : x0;
        int r0 = base + y0 * w;
        int r1 = base + y1 * w;
        double top = fx == 0 ? v[r0 + x0] : v[r0 + x0] + fx * (v[r0 + x1] - v[r0 + x0]);
        if (fy == 0) {
            return top;
        }
        double bottom = fx == 0 ? v[r1 + x0] : v[r1 + x0] + fx * (v[r1 + x1] - v[r1 + x0]);
        return top + fy * (bottom - top);
    }
}
