package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
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
public record PinwheelSpec(
        @Default("5") @Range(min = 0, exclusiveMin = true) Integer classes,
        @Default("0.3") @Range(min = 0, exclusiveMin = true)
        @Range(max = 1, why = "beyond it the arms overlap the centre and the twist winds without bound")
        Double radialStd,
        @Default("0.1") @Range(min = 0, exclusiveMin = true) Double tangentialStd,
        @Default("0.25") @Range(min = 0) @Range(max = 10) Double rate,
        @Default("2") @Range(min = 0, exclusiveMin = true) Double scale) implements DataSpec {
    public PinwheelSpec {
        Checks c = new Checks(PinwheelSpec.class);
        classes = c.field("classes", classes);
        radialStd = c.field("radialStd", radialStd);
        tangentialStd = c.field("tangentialStd", tangentialStd);
        rate = c.field("rate", rate);
        scale = c.field("scale", scale);
        c.done();
    }
}
