package dev.ebm.objectives.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;
import dev.ebm.api.spec.ObjectiveSpec;

/**
 * Denoising score matching (Vincent 2011) with Gaussian noise of standard deviation σ: with x̃ = x+ + σξ,
 * ξ ~ N(0, I) drawn fresh every step,
 *
 * <pre>
 *   L = (1/B) Σ_i (σ²/2) ‖∇ₓE(x̃_i) − (x̃_i − x_i)/σ²‖² = (1/B) Σ_i ½ ‖σ∇ₓE(x̃_i) − ξ_i‖²
 * </pre>
 *
 * (the norm over all coordinates of a sample). The weighting σ²/2 makes the loss O(1) per coordinate for any σ.
 * The minimiser's score −∇ₓE is that of the data convolved with N(0, σ²I): for data N(μ, Σ) the model learns
 * N(μ, Σ + σ²I). ∇ₓE is differentiated again in θ, so the energy must be twice differentiable. Needs no negative
 * samples.
 *
 * @param weight the term's weight (default 1)
 * @param sigma σ > 0, required
 */
public record DsmSpec(@Default("1") @Range Double weight,
        @Required("the standard deviation of the noise added to the data, > 0") @Range(min = 0, exclusiveMin = true)
        Double sigma) implements ObjectiveSpec {
    public DsmSpec {
        Checks c = new Checks(DsmSpec.class);
        weight = c.field("weight", weight);
        sigma = c.field("sigma", sigma);
        c.done();
    }
}
