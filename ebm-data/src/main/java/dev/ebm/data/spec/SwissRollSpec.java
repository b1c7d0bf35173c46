package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.DataSpec;

/**
 * A 2-D swiss roll: x = scale·(t cos t, t sin t) + N(0, noise²·I) with t ~ U[1.5π, 4.5π]. The defaults are FFJORD's
 * {@code swissroll} (scikit-learn's roll with noise 1, its (x, z) coordinates divided by 5), which lies in
 * about [−3.5, 3.5]².
 *
 * @param noise standard deviation of the isotropic noise, after scaling (default 0.2; at least 0.01)
 * @param scale factor applied to the curve (default 0.2)
 */
public record SwissRollSpec(Double noise, Double scale) implements DataSpec {
    public static final double MIN_NOISE = 0.01;

    public SwissRollSpec {
        Checks c = new Checks();
        noise = c.positive("noise", noise, 0.2);
        if (noise != null && noise > 0 && noise < MIN_NOISE) {
            c.fail("noise", "must be >= " + MIN_NOISE + " (the exact density integrates along the curve with nodes "
                    + "spaced by the noise), found " + noise);
        }
        scale = c.positive("scale", scale, 0.2);
        c.done();
    }
}
