package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.TransitionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Replica exchange (parallel tempering): every visible chain has a replica at each temperature of a ladder
 * 1 = T_0 &lt; T_1 &lt; … &lt; T_{R−1}; replica r runs {@code kernel} on exp(−E/T_r), and every {@code swapEvery}
 * steps neighbouring replicas of each chain exchange positions with the Metropolis probability
 * min(1, exp((β_i − β_j)(E(x_i) − E(x_j)))), β = 1/T, E untempered. Only the T = 1 replicas are visible.
 *
 * <p>The ladder is either listed ({@code temperatures: [1, 2, 4]}) or geometric from {@code maxTemperature} and
 * {@code replicas}: T_r = maxTemperature^(r/(replicas − 1)). The inner kernel's {@code steps} does not set the
 * run's length (this spec's {@code steps} does) but still bounds the inner kernel's own checks: with
 * {@code adapt.warmup}, give the inner kernel the same {@code steps}. Its warm-up adaptation runs separately at
 * each temperature, so every temperature finds its own step size.
 *
 * @param steps steps per chain run (default 100)
 * @param temperatures the ladder, starting at 1 and strictly increasing (at least two), or null to give
 *     {@code maxTemperature} and {@code replicas}
 * @param maxTemperature the hottest temperature of a geometric ladder, &gt; 1
 * @param replicas the number of temperatures of a geometric ladder, &gt;= 2
 * @param kernel the kernel run at every temperature (required; any kernel but replica exchange)
 * @param swapEvery attempt swaps after every this many steps (default 1)
 * @param transitions applied to the visible chains after every {@code transitionEvery}-th step (default none)
 * @param transitionEvery required with {@code transitions}
 */
public record ReplicaExchangeSpec(
        @Default("100") @Range(min = 0) Integer steps,
        List<Double> temperatures,
        @Range(min = 1, exclusiveMin = true) Double maxTemperature,
        @Range(min = 2) Integer replicas,
        SamplerSpec kernel,
        @Default("1") @Range(min = 0, exclusiveMin = true) Integer swapEvery,
        List<TransitionSpec> transitions,
        @Range(min = 0, exclusiveMin = true) Integer transitionEvery) implements SamplerSpec {

    public ReplicaExchangeSpec {
        Checks c = new Checks(ReplicaExchangeSpec.class);
        steps = c.field("steps", steps);
        if (temperatures != null) {
            c.check(maxTemperature == null, "maxTemperature", "cannot be given with temperatures; use one form");
            c.check(replicas == null, "replicas", "cannot be given with temperatures; use one form");
            temperatures = ladder(c, temperatures);
        } else if (maxTemperature == null && replicas == null) {
            c.fail("temperatures", "is required (a ladder such as [1, 2, 4, 8]), or give maxTemperature and "
                    + "replicas for a geometric one");
        } else {
            c.check(maxTemperature != null, "maxTemperature", "is required with replicas (or list temperatures)");
            c.check(replicas != null, "replicas", "is required with maxTemperature (or list temperatures)");
            maxTemperature = c.field("maxTemperature", maxTemperature);
            replicas = c.field("replicas", replicas);
        }
        if (kernel == null) {
            c.fail("kernel", "is required, e.g. {type: mala, epsilon: 0.5}");
        } else if (kernel instanceof ReplicaExchangeSpec) {
            c.fail("kernel.type", "cannot be replica-exchange inside replica-exchange");
        } else if (!kernel.transitions().isEmpty()) {
            c.fail("kernel.transitions", "are not applied inside replica-exchange; give them on the "
                    + "replica-exchange spec (they act on the T = 1 chains)");
        }
        swapEvery = c.field("swapEvery", swapEvery);
        transitions = TransitionChecks.list(c, transitions);
        transitionEvery = TransitionChecks.every(c, transitions, transitionEvery);
        c.done();
    }

    private static List<Double> ladder(Checks c, List<Double> t) {
        if (t.size() < 2) {
            c.fail("temperatures", "needs at least two temperatures, found " + t);
            return new ArrayList<>(t);
        }
        for (int i = 0; i < t.size(); i++) {
            Double v = t.get(i);
            if (v == null || !Double.isFinite(v)) {
                c.fail("temperatures[" + i + "]", "must be a finite number, found " + v);
                return new ArrayList<>(t);
            }
        }
        if (t.get(0) != 1.0) {
            c.fail("temperatures[0]", "must be 1 (the chains a caller sees), found " + t.get(0));
        }
        for (int i = 1; i < t.size(); i++) {
            if (!(t.get(i) > t.get(i - 1))) {
                c.fail("temperatures[" + i + "]", "must be > temperatures[" + (i - 1) + "] = " + t.get(i - 1)
                        + " (the ladder increases), found " + t.get(i));
            }
        }
        return List.copyOf(t);
    }

    /** The temperatures, listed or geometric: T_0 = 1 &lt; … &lt; T_{R−1}. */
    public double[] ladder() {
        if (temperatures != null) {
            return temperatures.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double[] t = new double[replicas];
        for (int r = 0; r < replicas; r++) {
            t[r] = r == replicas - 1 ? maxTemperature : Math.pow(maxTemperature, r / (double) (replicas - 1));
        }
        t[0] = 1.0;
        return t;
    }
}
