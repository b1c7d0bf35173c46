package dev.ebm.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The report section of one analysis (all its vary values): a description, a table, and figures. */
final class AnalysisSection {
    private final String name;
    private final List<ExperimentReport.Entry> entries;
    private final Path dir;
    private final Judge judge;

    AnalysisSection(String name, List<ExperimentReport.Entry> entries, Path dir, Judge judge) {
        this.name = name;
        this.entries = entries;
        this.dir = dir;
        this.judge = judge;
    }

    void write(StringBuilder md) {
        md.append("## Analysis `").append(name).append("`\n\n");
        if (entries.isEmpty()) {
            md.append("No finished model to analyse.\n\n");
            return;
        }
        Analysis a = entries.get(0).analysis();
        if (a.runsChains()) {
            chains(md, a);
        } else {
            lines(md, a);
        }
    }

    private void chains(StringBuilder md, Analysis a) {
        JsonNode first = entries.get(0).result();
        boolean varied = a.varied() != null;
        boolean fromTest = first.has("from_test");
        boolean traced = first.path("record_steps").size() > 2;
        List<Integer> at = a.at();
        md.append(a.chains()).append(" chains per model from `").append(a.start()).append("` starts, ")
                .append(a.steps()).append(" steps of the run's sampler");
        List<String> fixed = a.sets().stream().filter(s -> !varied || !s.startsWith(a.varied().path() + "="))
                .toList();
        md.append(fixed.isEmpty() ? "" : " with `" + String.join("`, `", fixed) + "`");
        md.append(varied ? "; `" + a.varied().path() + "` varied" : "").append(". Classified at steps ")
                .append(first.get("record_steps").toString().replace(",", ", ")).append(". Sampler: `")
                .append(first.get("sampler").toString()).append("`.");
        if (a.chains() < 640) {
            md.append(" With fewer than 640 end points the Fréchet distance (d = 64 features) is biased upwards; read "
                    + "it against its floor, the distance of as many test images to the test set.");
        }
        md.append("\n\n");
        StringBuilder head = new StringBuilder("| model | seed |" + (varied ? " " + a.varied().label() + " |" : "")
                + " top-p | entropy | most common end class | Fréchet (floor at n) |");
        if (fromTest) {
            head.append(" label kept | distance travelled |");
        }
        for (int s : at) {
            head.append(" most common at ").append(s).append(" |");
        }
        if (traced) {
            head.append(" class changes | distinct classes | share in most frequent | deep holes |");
        }
        head.append(" wall |");
        md.append(head).append("\n").append(head.toString().replaceAll("[^|]+", "---")).append("\n");
        for (ExperimentReport.Entry e : entries) {
            JsonNode r = e.result();
            JsonNode end = r.get("end");
            md.append("| ").append(e.run().caseName()).append(" | ").append(e.run().seed()).append(" | ");
            if (varied) {
                md.append(e.analysis().varied().value()).append(" | ");
            }
            md.append(Fmt.num(end.get("top_probability"), 3)).append(" | ")
                    .append(Fmt.num(end.get("class_entropy"), 3)).append(" | ")
                    .append(end.path("most_common_class").asText()).append(" (").append(Fmt.pct(end.get(
                            "most_common_fraction"))).append(") | ")
                    .append(Fmt.num(end.get("frechet"), 3)).append(" (").append(Fmt.num(end.get("frechet_floor"), 3))
                    .append(") | ");
            if (fromTest) {
                md.append(Fmt.pct(r.at("/from_test/kept_fraction"))).append(" | ")
                        .append(Fmt.spread(r.at("/from_test/distance"), 3)).append(" | ");
            }
            for (int s : at) {
                JsonNode h = histogramAt(r, s);
                md.append(h == null ? "–" : h.path("most_common_class").asText() + " (" + Fmt.pct(h.get(
                        "most_common_fraction")) + ")").append(" | ");
            }
            if (traced) {
                JsonNode t = r.get("trace");
                md.append(Fmt.spread(t.get("changes"), 3)).append(" | ").append(Fmt.spread(t.get("distinct"), 3))
                        .append(" | ").append(Fmt.spread(t.get("most_frequent_fraction"), 3)).append(" | ")
                        .append(Fmt.pct(t.get("deep_hole_fraction"))).append(" |");
            }
            md.append(" ").append(Fmt.seconds(r.path("seconds").asDouble())).append(" |\n");
        }
        md.append("\nEnd-point class histograms:\n\n");
        for (ExperimentReport.Entry e : entries) {
            md.append("- ").append(e.run().label()).append(varied ? " @ " + e.analysis().varied().value() : "")
                    .append(": ").append(Fmt.histogram(e.result().at("/end/class_histogram"))).append("\n");
        }
        md.append("\n");
        if (varied) {
            varyChart(md, a, at);
        }
        for (ExperimentReport.Entry e : entries) {
            String base = (e.analysis().id() + "-" + e.run().label()).replaceAll("[^A-Za-z0-9._=-]", "-");
            String strip = ExperimentReport.copy(e.dir().resolve("strip.png"), dir, base + "-strip.png");
            String traces = null;
            if (first.path("record_steps").size() > 3 && judge != null) {
                traces = base + "-classes.png";
                Figures.classTraces(classes(e.result()), ints(e.result().get("record_steps")), judge.classNames(),
                        "Class along each chain: " + e.analysis().id() + " on " + e.run().label(),
                        dir.resolve(traces));
            }
            if (strip != null || traces != null) {
                md.append("**").append(e.run().label()).append(varied ? " @ " + e.analysis().varied().value() : "")
                        .append("**\n\n");
                md.append(strip != null ? "![chains](" + strip + ")\n" : "")
                        .append(traces != null ? "![classes](" + traces + ")\n" : "").append("\n");
            }
        }
    }

    private void varyChart(StringBuilder md, Analysis a, List<Integer> at) {
        List<Figures.Series> series = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        entries.forEach(e -> {
            if (!labels.contains(e.run().label())) {
                labels.add(e.run().label());
            }
        });
        List<Integer> steps = new ArrayList<>(at);
        steps.add(a.steps());
        for (String label : labels) {
            List<ExperimentReport.Entry> of = entries.stream().filter(e -> e.run().label().equals(label)).toList();
            for (int s : steps) {
                double[] x = new double[of.size()];
                double[] y = new double[of.size()];
                for (int i = 0; i < of.size(); i++) {
                    x[i] = parse(of.get(i).analysis().varied().value(), i);
                    JsonNode h = histogramAt(of.get(i).result(), s);
                    y[i] = h == null ? Double.NaN : h.path("most_common_fraction").asDouble(Double.NaN);
                }
                series.add(new Figures.Series(label + ", step " + s, x, y));
            }
        }
        String png = (name + "-most-common.png").replaceAll("[^A-Za-z0-9._=-]", "-");
        Figures.lines("Share of chains in the most common class", a.varied().path(), "share", series,
                dir.resolve(png));
        md.append("![share of chains in the most common class](").append(png).append(")\n\n");
    }

    private void lines(StringBuilder md, Analysis a) {
        md.append("The energy along ").append(a.chains()).append(" straight lines per model from test images (t = 0) "
                + "to uniform noise (t = 1), ").append(a.points()).append(" points each; the same images and noise "
                + "for every model. A barrier is a line's highest energy minus the higher of its two ends.\n\n");
        md.append("| model | seed | mean E at the image | mean E at the noise | highest mean E (at t) | barrier | "
                + "lines with an interior maximum |\n|---|---|---|---|---|---|---|\n");
        List<Figures.Series> series = new ArrayList<>();
        List<Figures.Series> scaled = new ArrayList<>();
        for (ExperimentReport.Entry e : entries) {
            JsonNode r = e.result();
            double[] mean = doubles(r.get("mean"));
            double rise = mean[mean.length - 1] - mean[0];
            double[] s = new double[mean.length];
            for (int j = 0; j < s.length; j++) {
                s[j] = (mean[j] - mean[0]) / rise;
            }
            scaled.add(new Figures.Series(e.run().label(), doubles(r.get("t")), s));
            md.append("| ").append(e.run().caseName()).append(" | ").append(e.run().seed()).append(" | ")
                    .append(Fmt.num(r.get("energy_test_end"), 3)).append(" | ")
                    .append(Fmt.num(r.get("energy_noise_end"), 3)).append(" | ")
                    .append(Fmt.num(r.get("mean_curve_max"), 3)).append(" (").append(Fmt.num(r.get(
                            "mean_curve_argmax_t"), 2)).append(") | ")
                    .append(Fmt.spread(r.get("barrier"), 3)).append(" | ")
                    .append(Fmt.pct(r.get("interior_maximum_fraction"))).append(" |\n");
            double[] t = doubles(r.get("t"));
            series.add(new Figures.Series(e.run().label(), t, doubles(r.get("mean"))));
        }
        String png = (name + "-energy.png").replaceAll("[^A-Za-z0-9._=-]", "-");
        Figures.lines("Mean energy from test images (t = 0) to noise (t = 1)", "t", "mean energy", series,
                dir.resolve(png));
        String rel = (name + "-energy-scaled.png").replaceAll("[^A-Za-z0-9._=-]", "-");
        Figures.lines("Mean energy rescaled: (E(t) - E(0)) / (E(1) - E(0))", "t", "rescaled mean energy", scaled,
                dir.resolve(rel));
        md.append("\n![mean energy along the lines](").append(png).append(")\n\nThe same curves rescaled so that "
                + "each runs from 0 at the image to 1 at the noise: a curve above 1 has a mountain between them.\n\n")
                .append("![rescaled mean energy along the lines](").append(rel).append(")\n\n");
    }

    private static JsonNode histogramAt(JsonNode r, int step) {
        for (JsonNode h : r.path("class_histograms")) {
            if (h.path("step").asInt() == step) {
                return h;
            }
        }
        return null;
    }

    private static double parse(String v, int fallback) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int[][] classes(JsonNode r) {
        JsonNode c = r.get("classes");
        int[][] out = new int[c.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ints(c.get(i));
        }
        return out;
    }

    private static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).isNumber() ? a.get(i).asDouble() : Double.NaN;
        }
        return v;
    }
}
