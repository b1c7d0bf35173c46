package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
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
public record NoiseSpec(String init, Double std, Double low, Double high) implements NegativeSourceSpec {
    public static final List<String> INITS = List.of("gaussian", "uniform");

    public NoiseSpec {
        Checks c = new Checks();
        init = c.oneOf("init", init, "uniform", INITS);
        std = c.positive("std", std, 1.0);
        InitChecks.range(c, low, high);
        c.done();
    }
}
