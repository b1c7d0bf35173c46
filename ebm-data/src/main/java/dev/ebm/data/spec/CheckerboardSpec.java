package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.DataSpec;

/**
 * Uniform on the black squares of a {@code squares × squares} board of side {@code squares·size} centred at the
 * origin; square (i, j) = [i·size, (i+1)·size) × [j·size, (j+1)·size) is black when i + j is even. The defaults
 * give FFJORD's {@code checkerboard}: 8 black squares of side 2 on [−4, 4]².
 *
 * @param squares squares per side, even (default 4)
 * @param size side of one square (default 2)
 */
public record CheckerboardSpec(Integer squares, Double size) implements DataSpec {
    public CheckerboardSpec {
        Checks c = new Checks();
        squares = c.positive("squares", squares, 4);
        if (squares != null && squares > 0 && squares % 2 != 0) {
            c.fail("squares", "must be even (so that half the board is black and it is symmetric), found " + squares);
        }
        size = c.positive("size", size, 2.0);
        c.done();
    }
}
