package dev.ebm.runner.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link SweepSummary} as {@code summary.csv} (every statistic of every metric, full precision) and
 * {@code summary.md} (a table to read: the eval.json metrics that vary across the sweep as mean ± std, the 95 %
 * interval of the chosen metric, and the wall time).
 *
 * <p>{@code summary.csv} columns, in order: {@code case}, {@code runs} (finished), {@code failed},
 * {@code wall_s_mean}, {@code wall_s_std}, then for each metric {@code <metric>_mean}, {@code <metric>_std},
 * {@code <metric>_ci95_low}, {@code <metric>_ci95_high}. An empty cell is a statistic that does not exist (a std of
 * one run, a metric no finished run of the case reports).
 */
public final class SummaryFiles {
    private SummaryFiles() {}

    /** The header of summary.csv. */
    public static List<String> csvHeader(SweepSummary s) {
        List<String> h = new ArrayList<>(List.of("case", "runs", "failed", "wall_s_mean", "wall_s_std"));
        for (String m : s.metrics()) {
            h.addAll(List.of(m + "_mean", m + "_std", m + "_ci95_low", m + "_ci95_high"));
        }
        return h;
    }

    /** Writes summary.csv. */
    public static void writeCsv(SweepSummary s, Path file) {
        StringBuilder sb = new StringBuilder(String.join(",", csvHeader(s).stream().map(SummaryFiles::csv).toList()))
                .append('\n');
        for (SweepSummary.Row r : s.cases()) {
            List<String> cells = new ArrayList<>(List.of(csv(r.name()), Integer.toString(r.runs()),
                    Integer.toString(r.failed()), num(r.wall().mean()), num(r.wall().std())));
            for (String m : s.metrics()) {
                Stats st = r.metrics().get(m);
                cells.addAll(List.of(num(st.mean()), num(st.std()), num(st.ciLow()), num(st.ciHigh())));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        write(file, sb.toString());
    }

    /** Writes summary.md; {@code metric} (may be null) gets a 95 % interval column. */
    public static void writeMarkdown(SweepSummary s, String metric, String title, Path file) {
        List<String> shown = new ArrayList<>();
        for (String m : s.metrics()) {
            if (s.fromEval().contains(m) && !m.equals("train_wall_s") && !m.equals("train_cpu_s") && varies(s, m)) {
                shown.add(m);
            }
        }
        if (metric != null && !shown.contains(metric) && s.metrics().contains(metric)) {
            shown.add(metric);
        }
        StringBuilder sb = new StringBuilder("# Sweep ").append(title).append("\n\n");
        sb.append("Mean ± standard deviation over seeds");
        if (metric != null) {
            sb.append("; `").append(metric).append(" 95 % CI` is the Student-t interval of the mean");
        }
        sb.append(". Every statistic of every metric is in summary.csv.\n\n");
        List<String> head = new ArrayList<>(List.of("case", "runs", "failed"));
        shown.forEach(m -> head.add("`" + m + "`"));
        if (metric != null) {
            head.add("`" + metric + "` 95 % CI");
        }
        head.add("wall s");
        sb.append("| ").append(String.join(" | ", head)).append(" |\n");
        sb.append("|").append("---|".repeat(head.size())).append('\n');
        for (SweepSummary.Row r : s.cases()) {
            List<String> cells = new ArrayList<>(List.of(r.name(), Integer.toString(r.runs()),
                    Integer.toString(r.failed())));
            for (String m : shown) {
                cells.add(pm(r.metrics().get(m)));
            }
            if (metric != null) {
                Stats st = r.metrics().get(metric);
                cells.add(st == null || Double.isNaN(st.ciLow()) ? "" : "[" + fmt(st.ciLow()) + ", "
                        + fmt(st.ciHigh()) + "]");
            }
            Stats w = r.wall();
            cells.add(w.n() == 0 ? "" : Double.isNaN(w.std()) ? String.format(Locale.ROOT, "%.0f", w.mean())
                    : String.format(Locale.ROOT, "%.0f ± %.0f", w.mean(), w.std()));
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        write(file, sb.toString());
    }

    private static boolean varies(SweepSummary s, String m) {
        Double first = null;
        for (SweepSummary.Row r : s.cases()) {
            Stats st = r.metrics().get(m);
            if (st.n() == 0) {
                continue;
            }
            if (st.std() > 0 || first != null && st.mean() != first) {
                return true;
            }
            first = st.mean();
        }
        return false;
    }

    private static String pm(Stats st) {
        if (st == null || st.n() == 0) {
            return "";
        }
        return Double.isNaN(st.std()) ? fmt(st.mean()) : fmt(st.mean()) + " ± " + fmt(st.std());
    }

    /** Four significant digits, in plain notation between 1e-3 and 1e6. */
    static String fmt(double v) {
        double a = Math.abs(v);
        if (v == 0 || a >= 1e-3 && a < 1e6) {
            String t = String.format(Locale.ROOT, "%.4g", v);
            return t.contains(".") && !t.contains("e") ? t.replaceAll("0+$", "").replaceAll("\\.$", "") : t;
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String csv(String s) {
        return s.matches("[^,\"\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
