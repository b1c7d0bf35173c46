package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.OneOf;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SpecFields;
import dev.ebm.api.spec.NegativeSourceSpec;
import java.util.List;

/**
 * Fresh chains from noise at every training step (short-run, non-persistent chains).
 *
 * @param init {@code uniform} (default; over the data's bounding box unless {@code low}/{@code high} are given)
 *     or {@code gaussian}
 * @param std standard deviation of the Gaussian init (default 1)
 * @param low lower end of the uniform init, or null for the data's box
 * @param high upper end of the uniform init, or null for the data's box
 */
public record NoiseSpec(
        @Default("uniform") @OneOf({"gaussian", "uniform"}) String init,
        @Default("1") @Range(min = 0, exclusiveMin = true) Double std,
        @Range Double low, @Range Double high) implements NegativeSourceSpec {
    public static final List<String> INITS = SpecFields.choices(NoiseSpec.class, "init");

    public NoiseSpec {
        Checks c = new Checks(NoiseSpec.class);
        init = c.field("init", init);
        std = c.field("std", std);
        low = c.field("low", low);
        high = c.field("high", high);
        InitChecks.range(c, low, high);
        c.done();
    }
}
