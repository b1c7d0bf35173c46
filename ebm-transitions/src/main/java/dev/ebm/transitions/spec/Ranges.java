package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import java.util.List;

/** Closed ranges {@code [low, high]} that transitions draw a parameter from, uniformly. */
final class Ranges {
    private Ranges() {}

    /**
     * {@code value} (or {@code dflt} when absent) checked to be two finite numbers with
     * {@code min <= low <= high <= max} ({@code min < low} when {@code openMin}); {@code low == high} is a fixed
     * value, {@code low > high} an empty range. Returns the range as an immutable list, or null when absent
     * without a default.
     */
    static List<Double> check(Checks c, String field, List<Double> value, List<Double> dflt, double min,
            boolean openMin, double max) {
        List<Double> v = value == null ? dflt : value;
        if (v == null) {
            return null;
        }
        boolean ok = v.size() == 2 && v.get(0) != null && v.get(1) != null && Double.isFinite(v.get(0))
                && Double.isFinite(v.get(1)) && (openMin ? v.get(0) > min : v.get(0) >= min)
                && v.get(0) <= v.get(1) && v.get(1) <= max;
        if (!ok) {
            c.fail(field, "must be [low, high] with " + number(min) + (openMin ? " < " : " <= ") + "low <= high"
                    + (Double.isInfinite(max) ? "" : " <= " + number(max)) + ", found " + v);
            return v;
        }
        return List.copyOf(v);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
