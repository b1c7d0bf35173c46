package dev.ebm.energies.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.EnergySpec;
import java.util.List;

/**
 * A multilayer perceptron energy on flattened samples.
 *
 * @param hidden widths of the hidden layers (default [128, 128])
 * @param activation {@code swish} (default), {@code softplus}, {@code leaky-relu}, {@code elu}, {@code tanh} or
 *     {@code sigmoid}
 * @param leak the slope of {@code leaky-relu} for negative inputs (default 0.2)
 * @param quadratic a coefficient c ≥ 0 of an added c·‖x‖² term that keeps exp(−E) integrable (default 0)
 * @param spectralNorm whether the hidden layers' weights are divided by their largest singular value (Miyato et al.
 *     2018; one power iteration per optimizer step; default false)
 * @param spectralNormOutput whether the output layer is normalised too (default false: the scale of the energy
 *     stays free); needs {@code spectralNorm}
 */
public record MlpSpec(List<Integer> hidden, String activation, Double leak, Double quadratic, Boolean spectralNorm,
        Boolean spectralNormOutput) implements EnergySpec {
    public static final List<String> ACTIVATIONS = List.of("elu", "leaky-relu", "sigmoid", "softplus", "swish", "tanh");

    public MlpSpec {
        Checks c = new Checks();
        // a copy that keeps null entries, so that they are reported below (List.copyOf would throw)
        hidden = hidden == null ? List.of(128, 128)
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(hidden));
        for (int i = 0; i < hidden.size(); i++) {
            c.check(hidden.get(i) != null && hidden.get(i) > 0, "hidden[" + i + "]", "must be > 0, found " + hidden.get(i));
        }
        activation = c.oneOf("activation", activation, "swish", ACTIVATIONS);
        leak = c.nonNegative("leak", leak, 0.2);
        quadratic = c.nonNegative("quadratic", quadratic, 0.0);
        spectralNorm = spectralNorm == null ? Boolean.FALSE : spectralNorm;
        spectralNormOutput = spectralNormOutput == null ? Boolean.FALSE : spectralNormOutput;
        c.check(!spectralNormOutput || spectralNorm, "spectralNormOutput", "needs spectralNorm: true, found "
                + "spectralNorm: false");
        c.done();
    }

    /** The spec with the given layers and no spectral normalisation. */
    public MlpSpec(List<Integer> hidden, String activation, Double leak, Double quadratic) {
        this(hidden, activation, leak, quadratic, null, null);
    }
}
