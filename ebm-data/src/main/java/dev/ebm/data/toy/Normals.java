package dev.ebm.data.toy;

import dev.ebm.api.Rng;

/** Standard normal draws from an explicit {@link Rng} by the Box–Muller transform (two draws give two normals). */
final class Normals {
    private final Rng rng;
    private double spare;
    private boolean hasSpare;

    Normals(Rng rng) {
        this.rng = rng;
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u = 1 - rng.nextDouble(); // (0, 1]
        double v = rng.nextDouble();
        double r = Math.sqrt(-2 * Math.log(u));
        double a = 2 * Math.PI * v;
        spare = r * Math.sin(a);
        hasSpare = true;
        return r * Math.cos(a);
    }
}
