package dev.ebm.transitions;

import dev.ebm.api.Rng;
import dev.ebm.transitions.imaging.Bilinear;

/**
 * Random resized crop of images {@code [N, C, H, W]} (see {@link dev.ebm.transitions.spec.CropResizeSpec}): for
 * each chosen image, in order, a {@link #window} is drawn, and output pixel (i, j) of every channel is the window's
 * bilinear value at row src(i, h_c, H), column src(j, w_c, W), src(t, in, out) = max(0, (t + ½)·in/out − ½)
 * (PyTorch's {@code align_corners=False}; the window is never larger than the image, so no antialiasing applies).
 * A window equal to the image leaves it unchanged exactly.
 */
final class CropResize extends ImageTransition {
    private final double scaleLo;
    private final double scaleHi;
    private final double logRatioLo;
    private final double logRatioHi;

    CropResize(double scaleLo, double scaleHi, double ratioLo, double ratioHi, double p) {
        super("crop-resize", p);
        this.scaleLo = scaleLo;
        this.scaleHi = scaleHi;
        this.logRatioLo = Math.log(ratioLo);
        this.logRatioHi = Math.log(ratioHi);
    }

    /**
     * torchvision's {@code RandomResizedCrop.get_params}: up to 10 tries of area = H·W·U(scale), aspect =
     * exp(U(log ratio)) (two {@link Rng#nextDouble} draws), w = round(√(area·aspect)), h = round(√(area/aspect));
     * the first with 0 &lt; h ≤ H and 0 &lt; w ≤ W is placed at top = nextInt(H − h + 1), left = nextInt(W − w + 1).
     * If none fits, the central crop of the largest window whose aspect is clamped to the ratio range.
     *
     * @return {top, left, h, w}
     */
    int[] window(int height, int width, Rng rng) {
        double area = (double) height * width;
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (scaleLo + (scaleHi - scaleLo) * rng.nextDouble());
            double aspect = Math.exp(logRatioLo + (logRatioHi - logRatioLo) * rng.nextDouble());
            int w = (int) Math.round(Math.sqrt(target * aspect));
            int h = (int) Math.round(Math.sqrt(target / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                return new int[] {top, left, h, w};
            }
        }
        double inRatio = (double) width / height;
        double minRatio = Math.exp(logRatioLo);
        double maxRatio = Math.exp(logRatioHi);
        int w = width;
        int h = height;
        if (inRatio < minRatio) {
            h = (int) Math.round(w / minRatio);
        } else if (inRatio > maxRatio) {
            w = (int) Math.round(h * maxRatio);
        }
        return new int[] {(height - h) / 2, (width - w) / 2, h, w};
    }

    @Override
    protected void transform(double[] v, int[] chosen, int c, int h, int w, Rng rng) {
        double[] crop = new double[h * w];
        for (int k : chosen) {
            int[] win = window(h, w, rng);
            int hc = win[2];
            int wc = win[3];
            double sy = (double) hc / h;
            double sx = (double) wc / w;
            for (int ch = 0; ch < c; ch++) {
                int base = (k * c + ch) * h * w;
                for (int i = 0; i < hc; i++) {
                    System.arraycopy(v, base + (win[0] + i) * w + win[1], crop, i * wc, wc);
                }
                for (int i = 0; i < h; i++) {
                    double y = Math.max(0, (i + 0.5) * sy - 0.5);
                    for (int j = 0; j < w; j++) {
                        double x = Math.max(0, (j + 0.5) * sx - 0.5);
                        v[base + i * w + j] = Bilinear.at(crop, 0, hc, wc, y, x);
                    }
                }
            }
        }
    }
}
