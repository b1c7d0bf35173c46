package dev.ebm.data.toy;

import java.util.List;

/**
 * A 2-D swiss roll: x = scale·(t cos t, t sin t) + N(0, noise²·I), t ~ U[1.5π, 4.5π] (scikit-learn's roll in its
 * (x, z) plane; FFJORD's with scale 1/5 and noise 0.2). The exact density integrates the Gaussian along the curve
 * ({@link NoisyCurves}).
 */
public final class SwissRoll extends NoisyCurves {
    static final double T_MIN = 1.5 * Math.PI;
    static final double T_MAX = 4.5 * Math.PI;

    public SwissRoll(double noise, double scale) {
        this(noise, scale, DEFAULT_PANELS_PER_STD);
    }

    SwissRoll(double noise, double scale, double panelsPerStd) {
        super(List.of(new Segment(t -> scale * t * Math.cos(t), t -> scale * t * Math.sin(t), T_MIN, T_MAX, 1)),
                noise, panelsPerStd);
    }
}
