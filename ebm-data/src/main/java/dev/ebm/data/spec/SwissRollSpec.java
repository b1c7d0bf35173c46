package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SpecFields;
import dev.ebm.api.spec.DataSpec;

/**
 * A 2-D swiss roll: x = scale·(t cos t, t sin t) + N(0, noise²·I) with t ~ U[1.5π, 4.5π]. The defaults are FFJORD's
 * {@code swissroll} (scikit-learn's roll with noise 1, its (x, z) coordinates divided by 5), which lies in
 * about [−3.5, 3.5]².
 *
 * @param noise standard deviation of the isotropic noise, after scaling (default 0.2; at least 0.01)
 * @param scale factor applied to the curve (default 0.2)
 */
public record SwissRollSpec(
        @Default("0.2") @Range(min = 0, exclusiveMin = true)
        @Range(min = 0.01, why = "the exact density integrates along the curve with nodes spaced by the noise")
        Double noise,
        @Default("0.2") @Range(min = 0, exclusiveMin = true) Double scale) implements DataSpec {
    public static final double MIN_NOISE = SpecFields.of(SwissRollSpec.class, "noise").ranges().get(1).min();

    public SwissRollSpec {
        Checks c = new Checks(SwissRollSpec.class);
        noise = c.field("noise", noise);
        scale = c.field("scale", scale);
        c.done();
    }
}
