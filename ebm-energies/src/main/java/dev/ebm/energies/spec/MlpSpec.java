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
 */
public record MlpSpec(List<Integer> hidden, String activation, Double leak, Double quadratic) implements EnergySpec {
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
        c.done();
    }
}
