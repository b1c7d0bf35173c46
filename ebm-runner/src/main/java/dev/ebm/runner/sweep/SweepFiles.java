package dev.ebm.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of a sweep directory besides the runs: the resolved {@code sweep.yaml} and the summary. */
public final class SweepFiles {
    private SweepFiles() {}

    /**
     * Writes the sweep as a sweep file whose base specs are inlined (the spec files' contents, overrides not
     * applied), so the directory keeps what it was run from even when the spec files change later; running it
     * again with {@code --out} set to its directory continues the sweep.
     */
    public static void writeResolvedSweep(SweepFile sweep, ObjectMapper yaml, Path file) {
        ObjectNode root = yaml.createObjectNode();
        if (sweep.base() != null) {
            root.set("base", tree(sweep.base(), yaml));
        }
        if (!sweep.grid().isEmpty()) {
            ObjectNode grid = root.putObject("grid");
            sweep.grid().forEach((path, values) -> grid.putArray(path).addAll(values));
        }
        if (!sweep.cases().isEmpty()) {
            ObjectNode cases = root.putObject("cases");
            sweep.cases().forEach((name, c) -> {
                ObjectNode o = cases.putObject(name);
                if (c.base() != null) {
                    o.set("base", tree(c.base(), yaml));
                }
                c.set().forEach(o::set);
            });
        }
        root.putArray("seeds").addAll(sweep.seeds().stream().map(s -> (JsonNode) yaml.getNodeFactory().numberNode(s))
                .toList());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# resolved from " + sweep.file() + " (base specs inlined)\n"
                    + yaml.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static JsonNode tree(SpecSource s, ObjectMapper yaml) {
        if (s.inline() != null) {
            return s.inline();
        }
        try {
            return yaml.readTree(s.file().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + s.file(), e);
        }
    }

    /**
     * Writes {@code summary.csv}, {@code summary.md} and {@code plots/<metric>.png} of sweep directory {@code dir}
     * (which must hold {@code sweep.json}) and prints the Markdown table to {@code out}.
     *
     * @param metric the metric to plot, or null for {@code kl} when present (else the first metric)
     */
    public static SweepSummary writeSummary(Path dir, String metric, PrintStream out) {
        SweepSummary s = SweepSummary.read(dir);
        String chosen = s.chooseMetric(metric);
        SummaryFiles.writeCsv(s, dir.resolve("summary.csv"));
        String title = dir.toAbsolutePath().normalize().getFileName().toString();
        SummaryFiles.writeMarkdown(s, chosen, title, dir.resolve("summary.md"));
        if (chosen != null && !SummaryPlot.write(s, chosen, dir.resolve("plots").resolve(RunNames.sanitise(chosen) + ".png"))) {
            out.println("no finished run reports '" + chosen + "': no plot; metrics: " + s.metrics());
        }
        try {
            out.print(Files.readString(dir.resolve("summary.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }
}
