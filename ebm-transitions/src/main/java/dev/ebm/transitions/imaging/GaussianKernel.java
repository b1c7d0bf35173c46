package dev.ebm.transitions.imaging;

/** The sampled, truncated and normalised 1-D Gaussian kernel that blur and smoothed elastic fields use. */
public final class GaussianKernel {
    private GaussianKernel() {}

    /** The kernel's radius for std {@code sigma} pixels: ⌊4σ + 0.5⌋, scipy's {@code gaussian_filter} truncation. */
    public static int radius(double sigma) {
        return (int) (4 * sigma + 0.5);
    }

    /**
     * The weights w_{−r}, ..., w_r (index m + r), w_m ∝ exp(−m² / (2σ²)), summing to 1; r = {@link #radius}. For
     * σ = 0 (or any σ with r = 0) the single weight 1: no smoothing.
     */
    public static double[] weights(double sigma) {
        int r = radius(sigma);
        double[] w = new double[2 * r + 1];
        if (r == 0) {
            w[0] = 1;
            return w;
        }
        double sum = 0;
        for (int m = -r; m <= r; m++) {
            w[m + r] = Math.exp(-0.5 * m * m / (sigma * sigma));
            sum += w[m + r];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** Σ_m w_m² of {@link #weights}: the variance factor of a kernel-weighted sum of unit-variance noise. */
    public static double sumOfSquares(double sigma) {
        double s = 0;
        for (double v : weights(sigma)) {
            s += v * v;
        }
        return s;
    }
}
