package dev.ebm.example.plugin.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.EnergySpec;

/**
 * A learnable mixture of isotropic Gaussian bumps: E(x) = −log Σ_k π_k N(x; c_k, s_k² I), a normalised density
 * (log Z = 0) whose centres c_k, widths s_k and weights π_k = softmax(a)_k are trained.
 *
 * @param centres the number K of bumps (default 8)
 * @param width the initial width s of every bump, in data units (default 0.5)
 */
public record RbfSpec(Integer centres, Double width) implements EnergySpec {
    public RbfSpec {
        Checks c = new Checks();
        centres = c.positive("centres", centres, 8);
        width = c.positive("width", width, 0.5);
        c.done();
    }
}
