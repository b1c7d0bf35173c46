package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
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
public record RingsSpec(List<Double> radii, Double std) implements DataSpec {
    public static final List<Double> DEFAULT_RADII = List.of(0.75, 1.5, 2.25, 3.0);

    public RingsSpec {
        Checks c = new Checks();
        if (radii == null) {
            radii = DEFAULT_RADII;
        } else if (radii.isEmpty()) {
            c.fail("radii", "must name at least one radius, found []");
        } else {
            for (int i = 0; i < radii.size(); i++) {
                Double r = radii.get(i);
                c.check(r != null && r > 0 && Double.isFinite(r), "radii[" + i + "]", "must be > 0, found " + r);
            }
        }
        std = c.positive("std", std, 0.08);
        c.done();
        radii = List.copyOf(radii);
    }
}
