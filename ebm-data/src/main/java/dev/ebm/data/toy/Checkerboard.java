package dev.ebm.data.toy;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;

/**
 * Uniform on the black squares of an n × n board (n even) of squares of side {@code size}, centred at the origin:
 * square [i·size, (i+1)·size) × [j·size, (j+1)·size) is black when i + j is even. With n = 4 and size 2 this is
 * FFJORD's {@code checkerboard}. log p = −log(n²·size²/2) on the black squares, −∞ elsewhere. Bounds: the board.
 */
public final class Checkerboard extends Toy2d {
    private final int squares;
    private final double size;
    private final double half;
    private final double logP;
    private final Box bounds;

    public Checkerboard(int squares, double size) {
        if (squares <= 0 || squares % 2 != 0) {
            throw new IllegalArgumentException("squares must be even and positive, found " + squares);
        }
        this.squares = squares;
        this.size = size;
        this.half = squares * size / 2;
        this.logP = -Math.log(squares * (double) squares * size * size / 2);
        this.bounds = Box.uniform(2, -half, half);
    }

    @Override
    public Box bounds() {
        return bounds;
    }

    @Override
    void sample(Rng rng, Normals normals, double[] out, int at) {
        // a column uniformly, then one of its n/2 black squares uniformly, then a point uniformly inside
        int col = rng.nextInt(squares);
        int row = 2 * rng.nextInt(squares / 2) + (col & 1);
        out[at] = inside(col, rng.nextDouble());
        out[at + 1] = inside(row, rng.nextDouble());
    }

    /** A point at fraction {@code u} of square {@code index}, kept below the square's upper edge despite rounding. */
    private double inside(int index, double u) {
        double low = -half + index * size;
        double high = -half + (index + 1) * size;
        double v = low + u * size;
        return v < high ? v : Math.nextDown(high);
    }

    @Override
    double logDensity(double x, double y) {
        if (!(x >= -half && x < half && y >= -half && y < half)) {
            return Double.NEGATIVE_INFINITY;
        }
        long i = (long) Math.floor(x / size);
        long j = (long) Math.floor(y / size);
        return ((i + j) & 1) == 0 ? logP : Double.NEGATIVE_INFINITY;
    }
}
