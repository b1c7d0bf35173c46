package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.OneOf;
import dev.ebm.api.spec.SpecFields;
import java.util.List;

/**
 * Annealing of Langevin's noise and/or step size over the steps of one chain run
 * ({@code anneal: {noise: {from: 0.01, to: 0}, schedule: linear}}). Step t of a run of K steps (t = 0 … K − 1)
 * uses, with s = t/(K − 1) (s = 0 when K = 1; steps beyond K − 1 keep s = 1):
 * <ul>
 *   <li>{@code linear}: v_t = from + s·(to − from);</li>
 *   <li>{@code geometric}: v_t = from·(to/from)^s, which needs from &gt; 0 and to &gt; 0.</li>
 * </ul>
 * The values depend on t alone, so every run of the same spec uses the same sequence. A ramp replaces the
 * constant of the same name: give {@code anneal.noise} instead of {@code noise}, {@code anneal.step} instead of
 * {@code stepSize}.
 *
 * @param noise the noise standard deviation's ramp, or null to keep {@code noise}
 * @param step the gradient step's ramp (values &gt; 0), or null to keep {@code stepSize}
 * @param schedule {@code linear} (default) or {@code geometric}
 */
public record Anneal(Ramp noise, Ramp step, @Default("linear") @OneOf({"geometric", "linear"}) String schedule) {
    public static final List<String> SCHEDULES = SpecFields.choices(Anneal.class, "schedule");

    public Anneal {
        Checks c = new Checks(Anneal.class);
        schedule = c.field("schedule", schedule);
        c.check(noise != null || step != null, "noise", "is required unless step is given (anneal what?)");
        if (step != null) {
            c.check(step.from() > 0, "step.from", "must be > 0, found " + step.from());
            c.check(step.to() > 0, "step.to", "must be > 0, found " + step.to());
        }
        if ("geometric".equals(schedule) && noise != null) {
            c.check(noise.from() > 0, "noise.from", "must be > 0 for a geometric schedule, found " + noise.from()
                    + " (use linear to reach 0)");
            c.check(noise.to() > 0, "noise.to", "must be > 0 for a geometric schedule, found " + noise.to()
                    + " (use linear to reach 0)");
        }
        c.done();
    }

    /** The value of {@code ramp} at step t of a run of {@code steps} steps. */
    public double at(Ramp ramp, long t, int steps) {
        double s = steps <= 1 ? 0 : Math.min(1.0, Math.max(0, t) / (double) (steps - 1));
        if ("geometric".equals(schedule)) {
            return ramp.from() * Math.pow(ramp.to() / ramp.from(), s);
        }
        return ramp.from() + s * (ramp.to() - ramp.from());
    }
}
