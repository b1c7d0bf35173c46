package dev.ebm.api;

import dev.ebm.autodiff.Tensor;

/**
 * An energy E_θ(x) with p_θ(x) ∝ exp(−E_θ(x)).
 *
 * <p>A plugin writes only the forward pass with {@link Tensor} ops; gradients in x and θ, and gradients of
 * gradients, come from the tape. {@link #energy(Tensor, ParameterSet)} must read parameters only from the set it
 * is given, so callers can evaluate the same energy with trainable, detached or frozen parameters.
 */
public interface EnergyFunction {

    /** The trainable parameters (empty for analytic energies). */
    ParameterSet parameters();

    /**
     * Energies of a batch.
     *
     * @param x samples of shape {@code [N, ...sample shape]}
     * @param params parameters with the names of {@link #parameters()}
     * @return energies of shape {@code [N]}
     */
    Tensor energy(Tensor x, ParameterSet params);

    /**
     * The shape of one sample when the energy itself defines it (an analytic density's dimension, e.g. {@code [2]}
     * for a 2-D Gaussian), or null when the run's data decides it (networks take their input size from the data).
     * {@code bin/ebm sample} uses it for specs without data.
     */
    default long[] sampleShape() {
        return null;
    }

    /** Energies with this energy's own trainable parameters. */
    default Tensor energy(Tensor x) {
        return energy(x, parameters());
    }
}
