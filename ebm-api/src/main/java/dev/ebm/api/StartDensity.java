package dev.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trait of a {@link NegativeSource} whose fresh chains start from a known density q₀ (uniform over a box, an
 * isotropic Gaussian): what a noise-free sampler's output density is computed from by change of variables.
 * Sources that start from data or continue persistent chains do not declare it.
 */
public interface StartDensity {

    /**
     * Exact log q₀ at start positions {@code x0} {@code [N, ...sample shape]} as {@link NegativeSource#draw} draws
     * them fresh, in double precision; −∞ outside the support.
     */
    double[] logStartDensity(INDArray x0);
}
