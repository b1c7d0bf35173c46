package dev.ebm.transitions.elastic;

import dev.ebm.api.Rng;
import dev.ebm.transitions.imaging.GaussianKernel;

/**
 * Simard et al.'s (2003) field: each component is alpha·(G_σ ∗ U), U uniform in [−1, 1] per pixel and G_σ the
 * normalised Gaussian kernel of {@link GaussianKernel} (radius r). U is drawn on the image padded by r pixels on
 * every side and the convolution keeps only the image, so every pixel's displacement is a full kernel-weighted sum
 * of independent uniforms: the field is stationary up to the border, with mean 0 and standard deviation
 * alpha·S/√3, S = Σ_m w_m² (1/3 is the uniform's variance, S² the sum of the 2-D kernel's squared weights).
 * (Implementations that smooth with scipy's {@code mode="constant"} damp the field near the border instead.)
 *
 * <p>Draws: for each image, the row component's field then the column component's, each row-major over the
 * (h + 2r) × (w + 2r) padded grid, two uniforms per {@link Rng#nextLong} (its high then low 32 bits as
 * signed integers times 2⁻³¹: the uniform distribution on a grid of 2³² points in [−1, 1), variance 1/3 to
 * 1e-19).
 */
final class SmoothedField implements DisplacementField {
    private final double alpha;
    private final double[] kernel;
    private final int r;

    SmoothedField(double alpha, double sigma) {
        this.alpha = alpha;
        this.kernel = GaussianKernel.weights(sigma);
        this.r = kernel.length / 2;
    }

    /** The standard deviation of each displacement component at every pixel, alpha·S/√3. */
    static double std(double alpha, double sigma) {
        return alpha * GaussianKernel.sumOfSquares(sigma) / Math.sqrt(3);
    }

    @Override
    public boolean zero() {
        return alpha == 0;
    }

    @Override
    public void draw(int count, int h, int w, Rng rng, double[] dy, double[] dx) {
        int ph = h + 2 * r;
        int pw = w + 2 * r;
        double[] u = new double[ph * pw];
        double[] rows = new double[ph * w];
        for (int q = 0; q < count; q++) {
            component(h, w, ph, pw, u, rows, rng, dy, q * h * w);
            component(h, w, ph, pw, u, rows, rng, dx, q * h * w);
        }
    }

    private void component(int h, int w, int ph, int pw, double[] u, double[] rows, Rng rng, double[] out,
            int offset) {
        for (int i = 0; i < u.length; i += 2) {
            long bits = rng.nextLong();
            u[i] = (int) (bits >>> 32) * 0x1.0p-31;
            if (i + 1 < u.length) {
                u[i + 1] = (int) bits * 0x1.0p-31;
            }
        }
        // rows: the horizontal pass over the padded height; then the vertical pass into the image
        int len = kernel.length;
        java.util.Arrays.fill(rows, 0);
        for (int i = 0; i < ph; i++) {
            int dst = i * w;
            for (int m = 0; m < len; m++) {
                double k = kernel[m];
                int src = i * pw + m;
                for (int j = 0; j < w; j++) {
                    rows[dst + j] += k * u[src + j];
                }
            }
        }
        // the vertical pass as one contiguous loop per kernel tap: rows (i + m, j) sit at (i·w + j) + m·w
        int hw = h * w;
        java.util.Arrays.fill(out, offset, offset + hw, 0);
        for (int m = 0; m < len; m++) {
            double k = kernel[m] * alpha;
            int src = m * w;
            for (int t = 0; t < hw; t++) {
                out[offset + t] += k * rows[src + t];
            }
        }
    }
}
