package dev.ebm.samplers.kernel;

import dev.ebm.api.traits.KernelTraits;
import dev.ebm.samplers.spec.GdSpec;
import dev.ebm.samplers.spec.HmcSpec;
import dev.ebm.samplers.spec.LangevinSpec;
import dev.ebm.samplers.spec.MalaSpec;
import java.util.List;
import java.util.Locale;

/** The {@link KernelTraits} each built-in kernel declares, as functions of its spec. */
final class Declarations {
    private Declarations() {}

    static KernelTraits langevin(LangevinSpec s) {
        KernelTraits t;
        if (s.epsilon() != null) {
            double e = s.epsilon();
            t = KernelTraits.unadjusted(1.0, "1 (epsilon form: step ε²/2, noise ε)", "the discretised Langevin SDE "
                    + "(epsilon " + fmt(e) + ", step ε²/2 = " + fmt(e * e / 2) + ", noise ε)");
        } else if (s.anneal() != null) {
            int last = Math.max(s.steps() - 1, 0);
            double t0 = temperature(s.noiseStd(0), s.drift(0));
            double t1 = temperature(s.noiseStd(last), s.drift(last));
            String words = "annealed Langevin dynamics, noise " + fmt(s.noiseStd(0)) + " → "
                    + fmt(s.noiseStd(last)) + " and step " + fmt(s.drift(0)) + " → " + fmt(s.drift(last)) + " ("
                    + s.anneal().schedule() + ")";
            t = KernelTraits.unadjusted(t1, "noise²/(2·stepSize) at the last step", words).describedAs(words,
                    "The sampler anneals its noise and/or step over each chain run, so its temperature "
                    + "T = noise²/(2·stepSize) moves from " + fmt(t0) + " to " + fmt(t1) + "; the chains' end "
                    + "points see the last step's.");
        } else if (s.noise() == 0) {
            t = KernelTraits.unadjusted(0.0, "noise²/(2·stepSize) with noise 0", "Langevin dynamics with stepSize "
                    + fmt(s.stepSize()) + " and noise 0, i.e. gradient descent");
        } else {
            t = KernelTraits.unadjusted(temperature(s.noise(), s.stepSize()), "noise²/(2·stepSize)",
                    "decoupled Langevin dynamics with stepSize " + fmt(s.stepSize()) + " and noise " + fmt(s.noise()));
        }
        t = s.anneal() != null
                ? t.withoutReplay(List.of("an annealed langevin run (sampler.anneal) cannot be replayed on the "
                        + "tape: its step size changes from step to step; remove anneal"))
                : t.withReplay();
        return t.withLimits(s.gradClip(), s.clamp());
    }

    static KernelTraits gd(GdSpec s) {
        return KernelTraits.unadjusted(0.0, "no noise", "noise-free gradient descent with stepSize "
                + fmt(s.stepSize())).withReplay().withLimits(s.gradClip(), s.clamp());
    }

    static KernelTraits mala(MalaSpec s) {
        String words = s.epsilon() != null ? "MALA with epsilon " + fmt(s.epsilon())
                : "MALA with stepSize " + fmt(s.stepSize()) + " and noise " + fmt(s.noise());
        return KernelTraits.metropolis(s.temperature(), s.epsilon() != null ? "1 (epsilon form)"
                : "noise²/(2·stepSize)", words).withLimits(s.gradClip(), s.clamp());
    }

    static KernelTraits hmc(HmcSpec s) {
        return KernelTraits.metropolis(1.0, "1", "HMC with stepSize " + fmt(s.stepSize()) + " and "
                + s.leapfrogSteps()
                + " leapfrog steps").withLimits(null, s.clamp());
    }

    private static double temperature(double noise, double step) {
        return noise * noise / (2 * step);
    }

    /** A number without trailing zeros: 10, 0.005, 1.25e-06. */
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                        .replaceAll("\\.$", "");
    }
}
