package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * Contrastive divergence with its KL term (Hinton 2002; Gagnon &amp; Lajoie 2022, §4.2), for chains started at the
 * data:
 * <pre>
 *   L_CD(θ) = mean E_θ(x+) − mean E_θ(x−) + L_KL(θ),    L_KL(θ) = w·H(q_θ) − mean E_Ω(x_K(θ)),
 * </pre>
 * where the first two terms are CD* (x− the chain end points, constants), x_K(θ) is the chain end point recomputed
 * on the tape as a function of θ through the last {@code backpropSteps} sampler steps (start and noise fixed), Ω
 * a frozen copy of θ, and H the nearest-neighbour entropy estimate ({@link EntropySpec}). L_KL = −D_KL[q_θ‖p_Ω] +
 * const; minimising it lowers the end points' entropy and raises their energy, and its gradient flows only
 * through x_K(θ). Needs a differentiable sampler ({@code langevin} or {@code gd}).
 *
 * @param weight the term's weight (default 1)
 * @param backpropSteps trailing sampler steps the KL term differentiates through; 0 (the default) means all
 * @param entropy the entropy part (default weight 1, buffer 100)
 */
public record CdSpec(@Default("1") @Range Double weight, @Default("0") @Range(min = 0) Integer backpropSteps,
        EntropySpec entropy) implements ObjectiveSpec {

    public CdSpec {
        Checks c = new Checks(CdSpec.class);
        weight = c.field("weight", weight);
        backpropSteps = c.field("backpropSteps", backpropSteps);
        entropy = entropy == null ? EntropySpec.defaults() : entropy;
        c.done();
    }
}
