package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SpecFields;
import dev.ebm.api.spec.DataSpec;
import java.util.List;

/**
 * Concentric rings of equal weight: x = r·(cos θ, sin θ) with θ ~ U[0, 2π), a ring k chosen uniformly and
 * r ~ N(radii[k], std²) (radial noise; a negative r lands on the opposite side of the origin). FFJORD's
 * {@code rings} adds isotropic 2-D noise instead; radial noise keeps the exact density in closed form.
 *
 * @param radii the ring radii (default [0.75, 1.5, 2.25, 3], the radii of FFJORD's {@code rings})
 * @param std standard deviation of the radial noise (default 0.08)
 */
public record RingsSpec(
        @Default("[0.75, 1.5, 2.25, 3.0]") @Range(min = 0, exclusiveMin = true) List<Double> radii,
        @Default("0.08") @Range(min = 0, exclusiveMin = true) Double std) implements DataSpec {
    @SuppressWarnings("unchecked")
    public static final List<Double> DEFAULT_RADII =
            (List<Double>) SpecFields.of(RingsSpec.class, "radii").defaultValue();

    public RingsSpec {
        Checks c = new Checks(RingsSpec.class);
        radii = c.field("radii", radii == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(radii)));
        c.check(!radii.isEmpty(), "radii", "must name at least one radius, found []");
        std = c.field("std", std);
        c.done();
        radii = List.copyOf(radii);
    }
}
