package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.Required;

/**
 * A value that moves from {@code from} at the first step of a chain run to {@code to} at its last step, along the
 * schedule of the enclosing {@link Anneal}.
 *
 * @param from the value at the first step (required, finite, &gt;= 0)
 * @param to the value at the last step (required, finite, &gt;= 0)
 */
public record Ramp(@Required @Range(min = 0) Double from, @Required @Range(min = 0) Double to) {

    public Ramp {
        Checks c = new Checks(Ramp.class);
        from = c.field("from", from);
        to = c.field("to", to);
        c.done();
    }
}
