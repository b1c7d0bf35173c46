package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.OneOf;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SpecFields;
import dev.ebm.api.spec.ObjectiveSpec;
import java.util.List;

/**
 * The KL auxiliary loss of Du et al. 2020, built from the two parts of CD's KL term: the energy part
 * mean E_Ω(x_K(θ)) (x_K(θ) the chain end point recomputed on the tape through the last {@code backpropSteps} sampler
 * steps with start and noise fixed, Ω a frozen copy of θ) and the nearest-neighbour entropy estimate H(x_K(θ))
 * ({@link EntropySpec}):
 * <ul>
 *   <li>{@code sign: du2020} (default): loss = mean E_Ω(x_K(θ)) − w·H — lowers the end points' energy and raises
 *       their entropy, which is what Du et al. optimise;</li>
 *   <li>{@code sign: cd}: loss = w·H − mean E_Ω(x_K(θ)) — the sign of CD's KL term (Gagnon &amp; Lajoie 2022 §5.4).</li>
 * </ul>
 * The gradient flows only through x_K(θ). Needs a differentiable sampler ({@code langevin} or {@code gd}).
 *
 * @param weight the term's weight (default 1)
 * @param sign {@code du2020} (default) or {@code cd}
 * @param backpropSteps trailing sampler steps to differentiate through (default 1); 0 means all
 * @param entropy the entropy part (default weight 1, buffer 100)
 */
public record KlAuxSpec(@Default("1") @Range Double weight,
        @Default("du2020") @OneOf({"cd", "du2020"}) String sign,
        @Default("1") @Range(min = 0) Integer backpropSteps, EntropySpec entropy) implements ObjectiveSpec {
    public static final List<String> SIGNS = SpecFields.choices(KlAuxSpec.class, "sign");

    public KlAuxSpec {
        Checks c = new Checks(KlAuxSpec.class);
        weight = c.field("weight", weight);
        sign = c.field("sign", sign);
        backpropSteps = c.field("backpropSteps", backpropSteps);
        entropy = entropy == null ? EntropySpec.defaults() : entropy;
        c.done();
    }
}
