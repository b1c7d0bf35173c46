package dev.ebm.data.toy;

import dev.ebm.api.ToyDensity;
import java.util.List;
import java.util.function.Supplier;

/**
 * A toy density with its defaults, and a slightly wrong variant (one scale parameter off by a few percent) that a
 * goodness-of-fit test must reject.
 */
record ToyCase(String name, Supplier<ToyDensity> source, Supplier<ToyDensity> wrong, String wrongBy) {

    static List<ToyCase> all() {
        return List.of(
                new ToyCase("eight-gaussians", () -> new EightGaussians(2, 0.2),
                        () -> new EightGaussians(2, 0.21), "std 0.21 instead of 0.2"),
                new ToyCase("rings", () -> new Rings(List.of(0.75, 1.5, 2.25, 3.0), 0.08),
                        () -> new Rings(List.of(0.75, 1.5, 2.25, 3.0), 0.084), "std 0.084 instead of 0.08"),
                new ToyCase("two-moons", () -> new TwoMoons(0.1, true),
                        () -> new TwoMoons(0.105, true), "noise 0.105 instead of 0.1"),
                new ToyCase("checkerboard", () -> new Checkerboard(4, 2),
                        () -> new Checkerboard(4, 2.04), "size 2.04 instead of 2"),
                new ToyCase("swiss-roll", () -> new SwissRoll(0.2, 0.2),
                        () -> new SwissRoll(0.21, 0.2), "noise 0.21 instead of 0.2"),
                new ToyCase("pinwheel", () -> new Pinwheel(5, 0.3, 0.1, 0.25, 2),
                        () -> new Pinwheel(5, 0.3, 0.105, 0.25, 2), "tangentialStd 0.105 instead of 0.1"));
    }

    @Override
    public String toString() {
        return name;
    }
}
