package dev.ebm.runner.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Grids of image samples ({@code [n, C, H, W]} with C = 1 for grey or 3 for RGB, or {@code [n, H, W]}), each pixel
 * value mapped linearly from [lo, hi] (the data's range) to black–white and clamped, so values a sampler pushed
 * outside the data's range show as saturated, not rescaled.
 */
public final class ImageGrids {
    /** Samples shown per grid (8 × 8). */
    public static final int SHOWN = 64;
    private static final int COLS = 8;
    private static final int PAD = 2;
    private static final int TOP = 44;
    private static final int GAP = 24;

    private ImageGrids() {}

    /** One grid of the first {@value #SHOWN} samples under a title. */
    public static void write(INDArray samples, double lo, double hi, String title, Path png) {
        int[] cell = cellSize(samples);
        BufferedImage grid = grid(samples, lo, hi, cell);
        BufferedImage img = canvas(grid.getWidth() + 2 * GAP, grid.getHeight() + TOP + GAP);
        Graphics2D g = graphics(img);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, GAP, 20);
        g.drawImage(grid, GAP, TOP, null);
        g.dispose();
        Plots.save(img, png);
    }

    /**
     * The data batch on the left and the negatives on the right (the first {@value #SHOWN} of each), as
     * {@code samples/step-N.png}; without negatives only the data.
     */
    public static void besideData(INDArray data, INDArray negatives, double lo, double hi, String title, Path png) {
        int[] cell = cellSize(data);
        BufferedImage left = grid(data, lo, hi, cell);
        BufferedImage right = negatives == null ? null : grid(negatives, lo, hi, cell);
        int w = GAP + left.getWidth() + GAP + (right == null ? 0 : right.getWidth() + GAP);
        BufferedImage img = canvas(w, Math.max(left.getHeight(), right == null ? 0 : right.getHeight()) + TOP + GAP);
        Graphics2D g = graphics(img);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, GAP, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("data", GAP, TOP - 6);
        g.drawImage(left, GAP, TOP, null);
        if (right != null) {
            int x = 2 * GAP + left.getWidth();
            g.drawString("negatives", x, TOP - 6);
            g.drawImage(right, x, TOP, null);
        }
        g.dispose();
        Plots.save(img, png);
    }

    /** {H, W, C, pixel scale} of the samples' images. */
    private static int[] cellSize(INDArray x) {
        long[] s = x.shape();
        int h = (int) s[s.length - 2];
        int w = (int) s[s.length - 1];
        int c = s.length == 4 ? (int) s[1] : 1;
        return new int[] {h, w, c, Math.max(1, 56 / Math.max(h, w))};
    }

    private static BufferedImage grid(INDArray x, double lo, double hi, int[] cell) {
        int h = cell[0];
        int w = cell[1];
        int c = cell[2];
        int scale = cell[3];
        int n = (int) Math.min(SHOWN, x.size(0));
        int rows = Math.max(1, (n + COLS - 1) / COLS);
        int cols = Math.min(COLS, Math.max(n, 1));
        int pixels = c * h * w;
        float[] v = n == 0 ? new float[0] : x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n))
                .castTo(DataType.FLOAT).dup('c').data().asFloat();
        BufferedImage img = new BufferedImage(cols * (w * scale + PAD) + PAD, rows * (h * scale + PAD) + PAD,
                BufferedImage.TYPE_INT_RGB);
        int frame = new Color(200, 200, 210).getRGB();
        for (int yy = 0; yy < img.getHeight(); yy++) {
            for (int xx = 0; xx < img.getWidth(); xx++) {
                img.setRGB(xx, yy, frame);
            }
        }
        double span = hi > lo ? hi - lo : 1;
        for (int k = 0; k < n; k++) {
            int x0 = PAD + (k % COLS) * (w * scale + PAD);
            int y0 = PAD + (k / COLS) * (h * scale + PAD);
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    int rgb;
                    if (c == 3) {
                        rgb = level(v[k * pixels + y * w + xx], lo, span) << 16
                                | level(v[k * pixels + (h + y) * w + xx], lo, span) << 8
                                | level(v[k * pixels + (2 * h + y) * w + xx], lo, span);
                    } else {
                        int g = level(v[k * pixels + y * w + xx], lo, span);
                        rgb = g << 16 | g << 8 | g;
                    }
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            img.setRGB(x0 + xx * scale + dx, y0 + y * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        return img;
    }

    private static int level(double v, double lo, double span) {
        if (!Double.isFinite(v)) {
            return 255;
        }
        return (int) Math.round(255 * Math.max(0, Math.min(1, (v - lo) / span)));
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        return g;
    }
}
