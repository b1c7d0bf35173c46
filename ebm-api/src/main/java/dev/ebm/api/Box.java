package dev.ebm.api;

import java.util.Arrays;

/** An axis-aligned box, one interval per coordinate of a flattened sample. */
public record Box(double[] low, double[] high) {
    public Box {
        if (low.length != high.length) {
            throw new IllegalArgumentException("low and high differ in length");
        }
        for (int i = 0; i < low.length; i++) {
            if (!(low[i] < high[i])) {
                throw new IllegalArgumentException("empty interval " + low[i] + ".." + high[i] + " at " + i);
            }
        }
        low = low.clone();
        high = high.clone();
    }

    /** The same interval in every one of {@code dim} coordinates. */
    public static Box uniform(int dim, double lo, double hi) {
        double[] l = new double[dim];
        double[] h = new double[dim];
        Arrays.fill(l, lo);
        Arrays.fill(h, hi);
        return new Box(l, h);
    }

    /** The box widened by {@code fraction} of its width on each side. */
    public Box widen(double fraction) {
        double[] l = low.clone();
        double[] h = high.clone();
        for (int i = 0; i < l.length; i++) {
            double w = h[i] - l[i];
            l[i] -= fraction * w;
            h[i] += fraction * w;
        }
        return new Box(l, h);
    }

    public int dim() {
        return low.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box" + Arrays.toString(low) + ".." + Arrays.toString(high);
    }
}
