package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.DataSpec;

/**
 * Uniform on the black squares of a {@code squares × squares} board of side {@code squares·size} centred at the
 * origin; square (i, j) = [i·size, (i+1)·size) × [j·size, (j+1)·size) is black when i + j is even. The defaults
 * give FFJORD's {@code checkerboard}: 8 black squares of side 2 on [−4, 4]².
 *
 * @param squares squares per side, even (default 4)
 * @param size side of one square (default 2)
 */
public record CheckerboardSpec(@Default("4") @Range(min = 0, exclusiveMin = true) Integer squares,
        @Default("2") @Range(min = 0, exclusiveMin = true) Double size) implements DataSpec {
    public CheckerboardSpec {
        Checks c = new Checks(CheckerboardSpec.class);
        squares = c.field("squares", squares);
        if (squares != null && squares > 0 && squares % 2 != 0) {
            c.fail("squares", "must be even (so that half the board is black and it is symmetric), found " + squares);
        }
        size = c.field("size", size);
        c.done();
    }
}
