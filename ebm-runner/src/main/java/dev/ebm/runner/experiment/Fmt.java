package dev.ebm.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Number formats of the report's tables. */
final class Fmt {
    private Fmt() {}

    /** {@code v} with {@code digits} significant digits, or "–" for a missing or non-finite value. */
    static String num(JsonNode v, int digits) {
        return v == null || !v.isNumber() ? "–" : num(v.asDouble(), digits);
    }

    static String num(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        }
        int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A share as a percentage with one decimal. */
    static String pct(JsonNode v) {
        return v == null || !v.isNumber() ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v.asDouble());
    }

    /** {@code mean ± std} of a spread object. */
    static String spread(JsonNode s, int digits) {
        if (s == null || !s.path("mean").isNumber()) {
            return "–";
        }
        String m = num(s.get("mean"), digits);
        return s.path("std").isNumber() ? m + " ± " + num(s.get("std"), 2) : m;
    }

    /** Seconds as "12 s", "3.4 min" or "1.2 h". */
    static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return "–";
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.2f h", s / 3600);
    }

    /** A class histogram as "9: 20, 4: 8, ..." in decreasing counts (zero counts left out). */
    static String histogram(JsonNode hist) {
        if (hist == null) {
            return "–";
        }
        java.util.List<java.util.Map.Entry<String, Integer>> e = new java.util.ArrayList<>();
        hist.properties().forEach(p -> {
            if (p.getValue().asInt() > 0) {
                e.add(java.util.Map.entry(p.getKey(), p.getValue().asInt()));
            }
        });
        e.sort((a, b) -> b.getValue() - a.getValue());
        StringBuilder sb = new StringBuilder();
        for (var x : e) {
            sb.append(sb.length() == 0 ? "" : ", ").append(x.getKey()).append(": ").append(x.getValue());
        }
        return sb.toString();
    }
}
