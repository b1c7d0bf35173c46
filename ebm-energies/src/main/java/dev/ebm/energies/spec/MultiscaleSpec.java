package dev.ebm.energies.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.EnergySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The multi-scale energy of Du et al. (2020): E(x) = Σ_i E_i(pool^i(x)), where {@code scales[i]} is any energy spec
 * and pool^i halves the image i times (scale 0 sees the full image, scale 1 half, scale 2 a quarter of the
 * resolution). Each halving is an average pooling with stride 2 over {@code poolKernel}×{@code poolKernel} windows
 * after {@code poolPadding} zeros on each side, the zeros counted in the average: the defaults 3 and 1 are Du et
 * al.'s {@code F.avg_pool2d(x, 3, stride=2, padding=1)}; 2 and 0 average disjoint 2×2 blocks. On 28×28 images both
 * give 28 → 14 → 7.
 *
 * @param scales the energy at each scale, full resolution first (at least one)
 * @param poolKernel the pooling window's side (default 3)
 * @param poolPadding zeros added on each side before pooling, at most half the window (default 1)
 */
public record MultiscaleSpec(List<EnergySpec> scales, Integer poolKernel, Integer poolPadding)
        implements EnergySpec {

    public MultiscaleSpec {
        Checks c = new Checks();
        scales = scales == null ? null : Collections.unmodifiableList(new ArrayList<>(scales));
        c.check(scales != null && !scales.isEmpty(), "scales", "must list at least one energy (full resolution "
                + "first), found " + scales);
        for (int i = 0; scales != null && i < scales.size(); i++) {
            c.check(scales.get(i) != null, "scales[" + i + "]", "must be an energy spec, found null");
        }
        poolKernel = c.positive("poolKernel", poolKernel, 3);
        poolPadding = c.nonNegative("poolPadding", poolPadding, 1);
        if (poolKernel > 0 && poolPadding >= 0) {
            c.check(2 * poolPadding <= poolKernel, "poolPadding", "must be at most half of poolKernel ("
                    + poolKernel + "), found " + poolPadding);
        }
        c.done();
    }
}
