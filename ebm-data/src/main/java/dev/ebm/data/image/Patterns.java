package dev.ebm.data.image;

import dev.ebm.api.Rng;
import java.util.List;

/**
 * The ten pattern classes of {@link SyntheticImages}, drawn as anti-aliased strokes in pattern coordinates
 * (x, y) ∈ [−0.5, 0.5]² (y down) and mapped to pixels through a per-image similarity transform.
 *
 * <p>Per image (all uniform): centre offset ±0.08 of the side in each direction, scale 0.85–1.1, rotation ±12°,
 * stroke width 0.07–0.11 of the side, intensity 0.75–1; then Gaussian pixel noise of std 0.03, clipping to [0, 1]
 * and rounding to the 256 grey levels k/255.
 */
final class Patterns {
    static final List<String> NAMES = List.of("ring", "vertical", "horizontal", "diagonal", "antidiagonal", "plus",
            "cross", "square", "disc", "equals");

    private Patterns() {}

    /** Renders one image of class {@code k} into {@code out[at .. at + size²)} with the draws of {@code rng}. */
    static void render(int k, int size, Rng rng, float[] out, int at) {
        double cx = 0.5 + 0.16 * (rng.nextDouble() - 0.5);
        double cy = 0.5 + 0.16 * (rng.nextDouble() - 0.5);
        double scale = 0.85 + 0.25 * rng.nextDouble();
        double theta = Math.toRadians(24 * (rng.nextDouble() - 0.5));
        double width = 0.07 + 0.04 * rng.nextDouble();
        double intensity = 0.75 + 0.25 * rng.nextDouble();
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double pixel = 1.0 / (size * scale);
        double[] noise = gaussians(rng, size * size);
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                double u = ((px + 0.5) / size - cx) / scale;
                double v = ((py + 0.5) / size - cy) / scale;
                double x = cos * u + sin * v;
                double y = -sin * u + cos * v;
                double d = distance(k, x, y);
                // coverage of a stroke of half-width w/2 with a one-pixel soft edge
                double cover = Math.max(0, Math.min(1, (width / 2 - d) / pixel + 0.5));
                double value = intensity * cover + 0.03 * noise[py * size + px];
                value = Math.max(0, Math.min(1, value));
                out[at + py * size + px] = Math.round(value * 255) / 255f;
            }
        }
    }

    /** Distance from (x, y) to the strokes of class k (0 inside filled shapes). */
    static double distance(int k, double x, double y) {
        double r = Math.sqrt(x * x + y * y);
        return switch (k) {
            case 0 -> Math.abs(r - 0.28);
            case 1 -> segment(x, y, 0, -0.33, 0, 0.33);
            case 2 -> segment(x, y, -0.33, 0, 0.33, 0);
            case 3 -> segment(x, y, -0.27, -0.27, 0.27, 0.27);
            case 4 -> segment(x, y, -0.27, 0.27, 0.27, -0.27);
            case 5 -> Math.min(segment(x, y, 0, -0.3, 0, 0.3), segment(x, y, -0.3, 0, 0.3, 0));
            case 6 -> Math.min(segment(x, y, -0.25, -0.25, 0.25, 0.25), segment(x, y, -0.25, 0.25, 0.25, -0.25));
            case 7 -> Math.abs(Math.max(Math.abs(x), Math.abs(y)) - 0.26);
            case 8 -> Math.max(0, r - 0.2);
            case 9 -> Math.min(segment(x, y, -0.3, -0.14, 0.3, -0.14), segment(x, y, -0.3, 0.14, 0.3, 0.14));
            default -> throw new IllegalArgumentException("no pattern class " + k);
        };
    }

    /** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
    private static double segment(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
        double ex = x - ax - t * dx;
        double ey = y - ay - t * dy;
        return Math.sqrt(ex * ex + ey * ey);
    }

    /** {@code n} standard normal draws: Box-Muller, two per pair of uniforms. */
    private static double[] gaussians(Rng rng, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i += 2) {
            double r = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
            double a = 2 * Math.PI * rng.nextDouble();
            out[i] = r * Math.cos(a);
            if (i + 1 < n) {
                out[i + 1] = r * Math.sin(a);
            }
        }
        return out;
    }
}
