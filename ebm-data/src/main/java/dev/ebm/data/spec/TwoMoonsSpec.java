package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SpecFields;
import dev.ebm.api.spec.DataSpec;

/**
 * scikit-learn's two moons with a uniform position along each arc: with equal probability the upper arc
 * (cos t, sin t) or the lower arc (1 − cos t, 0.5 − sin t), t ~ U[0, π], plus N(0, noise²·I); then, if
 * {@code rescale}, x ↦ 2x + (−1, −0.2) (as FFJORD does, so the noise std of the result is 2·noise).
 *
 * @param noise standard deviation of the isotropic noise before rescaling (default 0.1; at least 0.01)
 * @param rescale apply FFJORD's rescaling (default true)
 */
public record TwoMoonsSpec(
        @Default("0.1") @Range(min = 0, exclusiveMin = true)
        @Range(min = 0.01, why = "the exact density integrates along the arcs with nodes spaced by the noise")
        Double noise,
        @Default("true") Boolean rescale) implements DataSpec {
    public static final double MIN_NOISE = SpecFields.of(TwoMoonsSpec.class, "noise").ranges().get(1).min();

    public TwoMoonsSpec {
        Checks c = new Checks(TwoMoonsSpec.class);
        noise = c.field("noise", noise);
        rescale = c.field("rescale", rescale);
        c.done();
    }
}
