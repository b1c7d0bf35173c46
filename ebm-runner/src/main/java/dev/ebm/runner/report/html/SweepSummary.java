package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep's {@code summary.csv}: one row per case with {@code case}, {@code runs}, {@code failed}, then for each
 * metric {@code <m>_mean}, {@code <m>_std} and, where given, {@code <m>_ci95_low}, {@code <m>_ci95_high} (the wall
 * time has mean and std only). Empty or non-numeric cells read as NaN; columns of no metric are kept as text.
 *
 * @param metrics the metric names, in column order
 * @param cases the rows, in file order
 */
public record SweepSummary(List<String> metrics, List<CaseRow> cases) {

    /** Statistics of one metric over the seeds of a case; missing values are NaN. */
    public record Stat(double mean, double std, double low, double high) {}

    /** One case: its runs and failures, the statistics per metric, and any other columns as text. */
    public record CaseRow(String name, String runs, String failed, Map<String, Stat> stats,
            Map<String, String> other) {}

    public SweepSummary {
        metrics = List.copyOf(metrics);
        cases = List.copyOf(cases);
    }

    /** Reads {@code file}; an IOException names what is wrong. */
    public static SweepSummary read(Path file) throws IOException {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = csv.readerFor(String[].class).readValues(file.toFile())) {
            while (it.hasNext()) {
                rows.add(List.of(it.next()));
            }
        }
        if (rows.isEmpty()) {
            throw new IOException("empty (no header line)");
        }
        List<String> head = rows.get(0);
        int caseCol = head.indexOf("case");
        if (caseCol < 0) {
            throw new IOException("no 'case' column in its header " + head);
        }
        List<String> metrics = new ArrayList<>();
        for (String h : head) {
            if (h.endsWith("_mean")) {
                metrics.add(h.substring(0, h.length() - "_mean".length()));
            }
        }
        List<CaseRow> cases = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < head.size(); i++) {
                cells.put(head.get(i), i < row.size() ? row.get(i) : "");
            }
            Map<String, Stat> stats = new LinkedHashMap<>();
            for (String m : metrics) {
                stats.put(m, new Stat(number(cells.remove(m + "_mean")), number(cells.remove(m + "_std")),
                        number(cells.remove(m + "_ci95_low")), number(cells.remove(m + "_ci95_high"))));
            }
            String name = cells.remove("case");
            String runs = cells.remove("runs");
            String failed = cells.remove("failed");
            cases.add(new CaseRow(name, runs == null ? "" : runs, failed == null ? "" : failed, stats, cells));
        }
        return new SweepSummary(metrics, cases);
    }

    /** The metrics whose values differ between cases or seeds (constants such as the grid size left out). */
    public List<String> varyingMetrics() {
        List<String> out = new ArrayList<>();
        for (String m : metrics) {
            double first = Double.NaN;
            boolean varies = false;
            boolean any = false;
            for (CaseRow c : cases) {
                Stat s = c.stats().get(m);
                if (Double.isNaN(s.mean())) {
                    continue;
                }
                if (!any) {
                    first = s.mean();
                    any = true;
                }
                varies |= s.mean() != first || (Double.isFinite(s.std()) && s.std() > 0);
            }
            if (varies) {
                out.add(m);
            }
        }
        return out;
    }

    static double number(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "na", "n/a", "-", "—", "null", "none" -> {
                return Double.NaN;
            }
            case "inf", "infinity", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
    }
}
