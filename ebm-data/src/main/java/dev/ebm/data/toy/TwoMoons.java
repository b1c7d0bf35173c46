package dev.ebm.data.toy;

import java.util.List;

/**
 * scikit-learn's two moons with a uniform position along each arc (scikit-learn spaces them evenly): with equal
 * probability the upper arc (cos t, sin t) or the lower arc (1 − cos t, 0.5 − sin t), t ~ U[0, π], plus
 * N(0, noise²·I); with {@code rescale}, x ↦ 2x + (−1, −0.2) as in FFJORD (noise std 2·noise after it). The exact
 * density integrates the Gaussian along both arcs ({@link NoisyCurves}).
 */
public final class TwoMoons extends NoisyCurves {

    public TwoMoons(double noise, boolean rescale) {
        this(noise, rescale, DEFAULT_PANELS_PER_STD);
    }

    TwoMoons(double noise, boolean rescale, double panelsPerStd) {
        super(arcs(rescale ? 2 : 1, rescale ? -1 : 0, rescale ? -0.2 : 0), rescale ? 2 * noise : noise, panelsPerStd);
    }

    private static List<Segment> arcs(double scale, double shiftX, double shiftY) {
        return List.of(
                new Segment(t -> scale * Math.cos(t) + shiftX, t -> scale * Math.sin(t) + shiftY, 0, Math.PI, 0.5),
                new Segment(t -> scale * (1 - Math.cos(t)) + shiftX, t -> scale * (0.5 - Math.sin(t)) + shiftY,
                        0, Math.PI, 0.5));
    }
}
