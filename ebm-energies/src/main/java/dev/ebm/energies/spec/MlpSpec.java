package dev.ebm.energies.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.OneOf;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SpecFields;
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
public record MlpSpec(
        @Default("[128, 128]") @Range(min = 0, exclusiveMin = true) List<Integer> hidden,
        @Default("swish") @OneOf({"elu", "leaky-relu", "sigmoid", "softplus", "swish", "tanh"}) String activation,
        @Default("0.2") @Range(min = 0) Double leak,
        @Default("0") @Range(min = 0) Double quadratic,
        @Default("false") Boolean spectralNorm,
        @Default("false") Boolean spectralNormOutput) implements EnergySpec {
    public static final List<String> ACTIVATIONS = SpecFields.choices(MlpSpec.class, "activation");

    public MlpSpec {
        Checks c = new Checks(MlpSpec.class);
        // a copy that keeps null entries, so that they are reported (List.copyOf would throw)
        hidden = c.field("hidden", hidden == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(hidden)));
        activation = c.field("activation", activation);
        leak = c.field("leak", leak);
        quadratic = c.field("quadratic", quadratic);
        spectralNorm = c.field("spectralNorm", spectralNorm);
        spectralNormOutput = c.field("spectralNormOutput", spectralNormOutput);
        c.check(!spectralNormOutput || spectralNorm, "spectralNormOutput", "needs spectralNorm: true, found "
                + "spectralNorm: false");
        c.done();
    }

    /** The spec with the given layers and no spectral normalisation. */
    public MlpSpec(List<Integer> hidden, String activation, Double leak, Double quadratic) {
        this(hidden, activation, leak, quadratic, null, null);
    }
}
