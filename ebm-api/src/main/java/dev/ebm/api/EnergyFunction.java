package dev.ebm.api;

import dev.ebm.autodiff.Tensor;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An energy E_θ(x) with p_θ(x) ∝ exp(−E_θ(x)).
 *
 * <p>A plugin writes only the forward pass with {@link Tensor} ops; gradients in x and θ, and gradients of
 * gradients, come from the tape. {@link #energy(Tensor, ParameterSet)} must read parameters only from the set it
 * is given, so callers can evaluate the same energy with trainable, detached or frozen parameters.
 *
 * <p>An energy may also keep <em>state</em> that is not trained by gradients (spectral normalisation's
 * power-iteration vectors). State changes only in {@link #afterUpdate()}, which the trainer calls once after each
 * optimizer update: within a training step (its sampling, loss and replays) the energy is one fixed function.
 * State is checkpointed with {@link #state()} and put back with {@link #restore(Map)}, so a resumed run and a
 * sampled checkpoint see exactly the energy that was saved.
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

    /**
     * The energy's non-parameter state as named arrays (live arrays, not copies; the checkpoint writes them as they
     * are), or an empty map when it has none. Never changes during {@link #energy(Tensor, ParameterSet)}.
     */
    default Map<String, INDArray> state() {
        return Map.of();
    }

    /** Copies saved {@link #state()} back into this energy's arrays (same names and shapes). */
    default void restore(Map<String, INDArray> state) {}

    /**
     * Called by the trainer once after each optimizer update, outside gradient recording and with the updated
     * parameters in place: the one point where state may change (e.g. one power iteration of spectral norm).
     */
    default void afterUpdate() {}
}
