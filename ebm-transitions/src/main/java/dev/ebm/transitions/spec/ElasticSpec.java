package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Elastic deformation of images {@code [N, C, H, W]}: a random displacement field d = (dy, dx), in pixels, is drawn
 * for each chosen image and the image is resampled bilinearly at (i + dy(i, j), j + dx(i, j)), all channels with
 * the same field; coordinates outside the image are clamped to its border (the border pixels extend outwards).
 * Two ways to draw the field:
 *
 * <ul>
 *   <li>{@code smoothed} (Simard, Steinkraus &amp; Platt 2003): each component uniform in [−1, 1] per pixel,
 *       convolved with a normalised Gaussian of std {@code sigma} pixels and multiplied by {@code alpha}. Every
 *       pixel's displacement component has mean 0 and std alpha·S/√3, S = Σ_m w_m² the sum of the squared weights
 *       of the normalised 1-D kernel (the 2-D kernel's squared weights sum to S²).
 *   <li>{@code grid} (the {@code elasticdeform} package's {@code deform_random_grid}, van Tulder): displacements
 *       N(0, std²) on a {@code points × points} control grid spanning the image corner to corner, interpolated to
 *       every pixel by an interpolating cubic B-spline; the displacement has std {@code std} at the control points.
 * </ul>
 *
 * <p>{@code alpha: 0} or {@code std: 0} leaves every image unchanged, bit for bit.
 *
 * @param mode {@code smoothed} or {@code grid} (required)
 * @param alpha smoothed: the field's scale in pixels (required, &gt;= 0; Simard used 34 on MNIST)
 * @param sigma smoothed: the smoothing Gaussian's std in pixels (required, &gt;= 0; Simard used 4 on MNIST)
 * @param std grid: the control displacements' std in pixels (required, &gt;= 0)
 * @param points grid: control points per side (default 3, as {@code elasticdeform}; &gt;= 1)
 * @param p the probability that an image is deformed (default 1)
 */
public record ElasticSpec(String mode, Double alpha, Double sigma, Double std, Integer points, Double p)
        implements TransitionSpec {
    public static final List<String> MODES = List.of("grid", "smoothed");
    public static final int DEFAULT_POINTS = 3;

    public ElasticSpec {
        Checks c = new Checks();
        c.required("mode", mode);
        mode = c.oneOf("mode", mode, null, MODES);
        if ("smoothed".equals(mode)) {
            c.required("alpha", alpha);
            c.required("sigma", sigma);
            alpha = c.nonNegative("alpha", alpha, null);
            sigma = c.nonNegative("sigma", sigma, null);
            c.check(std == null, "std", "belongs to mode grid, not smoothed (found " + std + ")");
            c.check(points == null, "points", "belongs to mode grid, not smoothed (found " + points + ")");
        } else if ("grid".equals(mode)) {
            c.required("std", std);
            std = c.nonNegative("std", std, null);
            points = c.positive("points", points, DEFAULT_POINTS);
            c.check(alpha == null, "alpha", "belongs to mode smoothed, not grid (found " + alpha + ")");
            c.check(sigma == null, "sigma", "belongs to mode smoothed, not grid (found " + sigma + ")");
        }
        p = c.probability("p", p, 1.0);
        c.done();
    }
}
