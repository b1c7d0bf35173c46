package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a report prints numbers, so that tables, captions and tests agree: integers as they are; other values with
 * four significant digits ({@code 0.9409}, {@code 2.619}, {@code 58.94}, trailing zeros dropped), in scientific
 * notation below 1e-3 or from 1e5 on ({@code 1.558e-05}); NaN and missing values as an em dash.
 */
public final class Fmt {
    /** What a missing or non-finite value prints as. */
    public static final String NONE = "—";
    private static final int LIST_LIMIT = 16;

    private Fmt() {}

    /** A number as the report shows it. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A JSON value as the report shows it: numbers by {@link #number}, lists of scalars inline, text as is. */
    public static String value(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return NONE;
        }
        if (n.isIntegralNumber()) {
            return n.asText();
        }
        if (n.isNumber()) {
            return number(n.asDouble());
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Math.min(n.size(), LIST_LIMIT); i++) {
                parts.add(value(n.get(i)));
            }
            if (n.size() > LIST_LIMIT) {
                parts.add("… (" + n.size() + " values)");
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (n.isObject()) {
            return n.toString();
        }
        return n.asText();
    }

    /** Mean ± standard deviation, e.g. {@code 0.9409 ± 0.01234}; the deviation left out when it is missing. */
    public static String meanStd(double mean, double std) {
        return Double.isNaN(std) ? number(mean) : number(mean) + " ± " + number(std);
    }

    /** An interval, e.g. {@code [0.83, 1.05]}; empty when both ends are missing. */
    public static String interval(double low, double high) {
        return Double.isNaN(low) && Double.isNaN(high) ? "" : "[" + number(low) + ", " + number(high) + "]";
    }

    /** Seconds as the report shows a duration: {@code 42.1 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    public static String seconds(double s) {
        if (Double.isNaN(s)) {
            return NONE;
        }
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long t = Math.round(s);
        if (t < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", t / 3600, (t % 3600) / 60);
    }
}
