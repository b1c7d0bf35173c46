package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/** The {@code transitions} / {@code transitionEvery} pair shared by the kernel specs. */
final class TransitionChecks {
    private TransitionChecks() {}

    /** The transitions as an immutable list (empty when absent); a null entry is a problem. */
    static List<TransitionSpec> list(Checks c, List<TransitionSpec> transitions) {
        if (transitions == null) {
            return List.of();
        }
        for (int i = 0; i < transitions.size(); i++) {
            if (transitions.get(i) == null) {
                c.fail("transitions[" + i + "]", "must be a mapping with a 'type', found null");
            }
        }
        return transitions.stream().anyMatch(java.util.Objects::isNull) ? List.of() : List.copyOf(transitions);
    }

    /** {@code transitionEvery}: required with transitions, refused without them. */
    static Integer every(Checks c, List<TransitionSpec> transitions, Integer every) {
        if (transitions.isEmpty()) {
            c.check(every == null, "transitionEvery", "has no transitions to apply, found " + every
                    + " (give transitions, or drop transitionEvery)");
            return every;
        }
        if (every == null) {
            c.fail("transitionEvery", "is required with transitions (apply them after every N-th step)");
        }
        return c.field("transitionEvery", every);
    }
}
