package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.SamplerSpec;
import java.util.List;

/**
 * Unadjusted Langevin dynamics, in one of two forms (see DESIGN.md, "Conventions").
 *
 * <ul>
 *   <li>{@code epsilon} (the discretised Langevin SDE): x' = x − (ε²/2)·∇E(x) + ε·ξ;</li>
 *   <li>decoupled {@code stepSize} and {@code noise} (the IGEBM practice): x' = x − stepSize·∇E(x) + noise·ξ,
 *       which samples exp(−E/T) with T = noise²/(2·stepSize).</li>
 * </ul>
 * Giving {@code epsilon} with {@code stepSize} or {@code noise} is an error. Without either form, ε = 0.1.
 *
 * @param steps steps per chain run (default 20)
 * @param gradClip clip each element of ∇E to [−c, c], or null for none
 * @param clamp a box [low, high] every coordinate is clamped to after each step, or null
 */
public record LangevinSpec(Integer steps, Double epsilon, Double stepSize, Double noise, Double gradClip,
        List<Double> clamp) implements SamplerSpec {

    public LangevinSpec {
        Checks c = new Checks();
        steps = c.nonNegative("steps", steps, 20);
        if (epsilon != null && (stepSize != null || noise != null)) {
            c.fail(stepSize != null ? "stepSize" : "noise",
                    "cannot be given with epsilon (epsilon sets step ε²/2 and noise ε); use one form");
        } else if (epsilon == null && stepSize == null && noise == null) {
            epsilon = 0.1;
        } else if (epsilon == null) {
            c.check(stepSize != null, "stepSize", "is required with noise (or give epsilon instead)");
            c.check(noise != null, "noise", "is required with stepSize (a standard deviation; 0 for gradient descent)");
        }
        epsilon = c.positive("epsilon", epsilon, null);
        stepSize = c.positive("stepSize", stepSize, null);
        noise = c.nonNegative("noise", noise, null);
        gradClip = c.positive("gradClip", gradClip, null);
        clamp = c.interval("clamp", clamp);
        c.done();
    }

    /** The gradient step size: ε²/2 or {@code stepSize}. */
    public double drift() {
        return epsilon != null ? epsilon * epsilon / 2 : stepSize;
    }

    /** The noise standard deviation: ε or {@code noise}. */
    public double noiseStd() {
        return epsilon != null ? epsilon : noise;
    }

    /** The temperature the dynamics sample at: noise²/(2·step); 1 in the ε form, 0 without noise. */
    public double temperature() {
        return noiseStd() * noiseStd() / (2 * drift());
    }
}
