package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;

/** Checks shared by the specs that initialise chains. */
final class InitChecks {
    private InitChecks() {}

    static void range(Checks c, Double low, Double high) {
        if ((low == null) != (high == null)) {
            c.fail(low == null ? "low" : "high", "low and high must be given together");
        } else if (low != null && !(low < high)) {
            c.fail("high", "must be > low (" + low + "), found " + high);
        }
    }
}
