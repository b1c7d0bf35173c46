package dev.ebm.transitions.imaging;

/**
 * Separable filtering of image planes with a symmetric kernel, the plane extended by half-sample reflection
 * (… c b a | a b c … x y z | z y x …, scipy's {@code reflect} mode, repeated with period 2n for kernels wider than
 * the plane). With a symmetric kernel the filter's matrix is then symmetric, so each pixel's mass is spread with
 * weights summing to the kernel's sum: a normalised kernel keeps the plane's total exactly (up to rounding).
 */
public final class Reflect {
    private Reflect() {}

    /** The index in [0, n) that position {@code i} of the reflected extension reads. */
    public static int index(int i, int n) {
        int m = Math.floorMod(i, 2 * n);
        return m < n ? m : 2 * n - 1 - m;
    }

    /**
     * Filters the plane {@code v[base .. base + h·w)} in place along rows, then along columns, with the kernel
     * {@code k} of odd length 2r + 1 (index m + r for offset m).
     *
     * @param line scratch of at least max(h, w) + 2r values
     * @param out scratch of at least max(h, w) values
     */
    public static void filter(double[] v, int base, int h, int w, double[] k, double[] line, double[] out) {
        int r = k.length / 2;
        if (r == 0) {
            return;
        }
        for (int i = 0; i < h; i++) {
            int row = base + i * w;
            for (int j = -r; j < w + r; j++) {
                line[j + r] = v[row + index(j, w)];
            }
            convolve(line, k, w, out);
            System.arraycopy(out, 0, v, row, w);
        }
        for (int j = 0; j < w; j++) {
            for (int i = -r; i < h + r; i++) {
                line[i + r] = v[base + index(i, h) * w + j];
            }
            convolve(line, k, h, out);
            for (int i = 0; i < h; i++) {
                v[base + i * w + j] = out[i];
            }
        }
    }

    /** out[t] = Σ_q k[q]·line[t + q] for t in [0, n): the filtered values of an extended line. */
    private static void convolve(double[] line, double[] k, int n, double[] out) {
        for (int t = 0; t < n; t++) {
            double s = 0;
            for (int q = 0; q < k.length; q++) {
                s += k[q] * line[t + q];
            }
            out[t] = s;
        }
    }
}
