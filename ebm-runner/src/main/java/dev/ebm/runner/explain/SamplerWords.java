package dev.ebm.runner.explain;

import dev.ebm.api.traits.KernelTraits;
import dev.ebm.runner.explain.Explainer.Warning;
import java.util.List;
import java.util.Locale;

/** What a sampler's declared {@link KernelTraits} mean for the run, in reasons and warnings. */
final class SamplerWords {
    private SamplerWords() {}

    /**
     * Adds the sampler's reasons and warnings.
     *
     * @param type the sampler's type id, to name it
     * @return the temperature its dynamics target, or null when it declares none
     */
    static Double explain(String type, KernelTraits k, List<String> reasons, List<Warning> warnings) {
        String name = "The sampler '" + type + "'" + (k.description().isEmpty() ? "" : " (" + k.description() + ")");
        Double t = k.temperature();
        switch (k.exactness()) {
            case UNDECLARED -> {
                reasons.add("The sampler '" + type + "' declares no traits (SamplerProvider.traits): whether it is "
                        + "exact and which temperature it targets are unknown.");
                return t;
            }
            case METROPOLIS_ADJUSTED -> {
                if (t != null && t == 1.0) {
                    reasons.add(name + " has a Metropolis–Hastings test, so it targets exp(−E) at temperature 1 "
                            + "exactly, whatever its step size.");
                } else if (t != null) {
                    reasons.add(name + " has a Metropolis–Hastings test, so it targets exp(−E/T) exactly, with T = "
                            + k.temperatureRule() + " = " + fmt(t) + ".");
                }
                if (k.clamp() != null) {
                    reasons.add("Its clamp box " + k.clamp() + " rejects proposals outside: it samples exp(−E) "
                            + "restricted to the box.");
                }
            }
            case UNADJUSTED -> {
                if (k.noiseFree()) {
                    warnings.add(new Warning("noise-free", name + " adds no noise: it is gradient descent on the "
                            + "energy, not MCMC; the negatives are (near) local minima, which Xiao et al. read as a "
                            + "generator trained with a self-adversarial loss."));
                } else if (t != null && t == 1.0) {
                    reasons.add("The sampler is " + (k.description().isEmpty() ? "'" + type + "'" : k.description())
                            + ": temperature 1, unadjusted, so it carries a discretisation bias that vanishes only "
                            + "as its step goes to 0.");
                }
                if (k.gradClip() != null) {
                    warnings.add(new Warning("grad-clip", "gradClip " + fmt(k.gradClip()) + " clips each element "
                            + "of ∇E: where the energy is steep the drift no longer follows the gradient, and the "
                            + "chains do not target exp(−E/T) there."));
                }
                if (k.clamp() != null) {
                    warnings.add(new Warning("clamp", "An unadjusted sampler clamped to " + k.clamp() + " piles "
                            + "mass on the box's faces; it does not sample exp(−E) restricted to the box (a "
                            + "Metropolis-adjusted kernel rejects such moves instead)."));
                }
            }
            default -> throw new IllegalStateException("unknown exactness " + k.exactness());
        }
        if (t != null && t != 0 && t != 1.0) {
            warnings.add(new Warning("tempered", name + " samples exp(−E/T) with T = " + k.temperatureRule() + " = "
                    + fmt(t) + ", not exp(−E) at temperature 1: the negatives come from a sharper (T < 1) or "
                    + "flatter (T > 1) density than the model's."));
        }
        reasons.addAll(k.notes());
        return t;
    }

    /** A number without trailing zeros: 10, 0.005, 1.25e-06. */
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                        .replaceAll("\\.$", "");
    }
}
