package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;

/**
 * A value that moves from {@code from} at the first step of a chain run to {@code to} at its last step, along the
 * schedule of the enclosing {@link Anneal}.
 *
 * @param from the value at the first step (required, finite, &gt;= 0)
 * @param to the value at the last step (required, finite, &gt;= 0)
 */
public record Ramp(Double from, Double to) {

    public Ramp {
        Checks c = new Checks();
        c.required("from", from);
        c.required("to", to);
        from = c.nonNegative("from", from, null);
        to = c.nonNegative("to", to, null);
        c.done();
    }
}
