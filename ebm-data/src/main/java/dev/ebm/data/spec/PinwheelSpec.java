package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.DataSpec;

/**
 * The pinwheel of Johnson et al. (2016) as used by FFJORD: a class k chosen uniformly among {@code classes},
 * f ~ N((1, 0), diag(radialStd², tangentialStd²)), α = 2πk/classes + rate·exp(f₀), and
 * x = scale·(f₀ cos α + f₁ sin α, −f₀ sin α + f₁ cos α) (the reference code's {@code einsum("ti,tij->tj")}).
 *
 * @param classes number of arms (default 5)
 * @param radialStd standard deviation of f₀ (default 0.3; at most 1)
 * @param tangentialStd standard deviation of f₁ (default 0.1)
 * @param rate twist: angle added per unit of exp(f₀) (default 0.25; at most 10)
 * @param scale final scale factor (default 2)
 */
public record PinwheelSpec(Integer classes, Double radialStd, Double tangentialStd, Double rate, Double scale)
        implements DataSpec {
    public PinwheelSpec {
        Checks c = new Checks();
        classes = c.positive("classes", classes, 5);
        radialStd = c.positive("radialStd", radialStd, 0.3);
        c.check(radialStd == null || !(radialStd > 1), "radialStd",
                "must be <= 1 (beyond it the arms overlap the centre and the twist winds without bound), found "
                        + radialStd);
        tangentialStd = c.positive("tangentialStd", tangentialStd, 0.1);
        rate = c.nonNegative("rate", rate, 0.25);
        c.check(rate == null || !(rate > 10), "rate", "must be <= 10, found " + rate);
        scale = c.positive("scale", scale, 2.0);
        c.done();
    }
}
