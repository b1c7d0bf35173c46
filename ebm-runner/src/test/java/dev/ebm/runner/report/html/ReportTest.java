package dev.ebm.runner.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.runner.Main;
import dev.ebm.runner.RunnerWiring;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's content read from its HTML: values as shown, escaping, missing pieces, nested evaluations. */
class ReportTest {

    @Test
    void runReportShowsEvaluationSpecCurvesSamplesAndDensityInline(@TempDir Path tmp) throws Exception {
        Path run = ReportFixtures.run();
        Path file = ReportFixtures.report(run, tmp.resolve("r.html"));
        Document doc = Jsoup.parse(Files.readString(file));
        JsonNode eval = new ObjectMapper().readTree(run.resolve("eval.json").toFile());

        assertThat(cell(doc, "eval", "kl", 1)).isEqualTo(Fmt.number(eval.get("kl").asDouble()));
        assertThat(cell(doc, "eval", "nll", 1)).isEqualTo(Fmt.number(eval.get("nll").asDouble()));
        assertThat(cell(doc, "eval", "grid", 1)).isEqualTo("30");
        assertThat(doc.select("#spec pre").text()).isEqualTo(Jsoup.parse("<pre>" + escape(Files.readString(
                run.resolve("spec.resolved.yaml"))) + "</pre>").select("pre").text());
        assertThat(cell(doc, "explain-table", "objective", 1)).endsWith("[ml-persistent]");
        assertThat(doc.select("#provenance-plugins tbody tr").stream().filter(tr -> tr.child(1).text()
                .equals("langevin")).map(tr -> tr.child(0).text() + " " + tr.child(2).text() + " " + tr.child(4).text()))
                .containsExactly("sampler 0.1.0-SNAPSHOT yes");
        assertThat(doc.select("#provenance-plugins tbody tr").stream().limit(7).map(tr -> tr.child(4).text()))
                .as("the plugins the run uses come first: data, energy, negatives, sampler, two terms, optimizer")
                .containsOnly("yes").hasSize(7);
        assertThat(doc.select("#status").text()).contains("finished (step 6 of 6), evaluated")
                .doesNotContain("Missing");
        // loss, energies, gradient norm, per-term losses; samples at steps 2, 4, 6; energy and density
        assertThat(doc.select("#curves img")).hasSize(4);
        assertThat(doc.select("#samples figcaption").eachText()).containsExactly("step 2", "step 4", "step 6 (latest)");
        assertThat(doc.select("#density img")).hasSize(2);
        assertSelfContained(doc);
    }

    @Test
    void aKilledRunSaysWhatIsMissingAndShowsTheRest(@TempDir Path tmp) throws Exception {
        Path run = ReportFixtures.copyOfRun(tmp.resolve("killed"));
        Files.delete(run.resolve("eval.json"));
        Files.delete(run.resolve("plots").resolve("energy.png"));
        Files.delete(run.resolve("plots").resolve("density.png"));
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        Files.write(run.resolve("metrics.jsonl"), List.of(lines.get(0), lines.get(1), lines.get(2), lines.get(3),
                lines.get(4).substring(0, 20)));

        Document doc = Jsoup.parse(Files.readString(ReportFixtures.report(run, run.resolve("report.html"))));

        assertThat(doc.select("#status").text()).contains("not finished: step 4 of 6, no eval.json")
                .contains("eval.json: not written").contains("metrics.jsonl: 1 line(s)");
        assertThat(doc.select("#evaluation .missing").text()).contains("No eval.json");
        assertThat(doc.select("#density .missing").text()).contains("No density plots").contains("was not");
        assertThat(doc.select("#curves img")).hasSize(4);
        assertThat(doc.select("#samples img")).hasSize(3);
    }

    @Test
    void aPieceThatCannotBeReadCostsOnlyItsSection(@TempDir Path tmp) throws Exception {
        Path run = ReportFixtures.copyOfRun(tmp.resolve("run"));
        Files.createDirectories(run.resolve("samples").resolve("step-8.png")); // a directory where a picture belongs

        Document doc = Jsoup.parse(Files.readString(ReportFixtures.report(run, run.resolve("report.html"))));

        assertThat(doc.select("#samples .missing").text()).startsWith("This section could not be built")
                .contains("step-8.png");
        assertThat(doc.select("#curves img")).hasSize(4);
        assertThat(doc.select("#density img")).hasSize(2);
    }

    @Test
    void aSweepWithoutSweepJsonOrSummaryListsItsRunDirectories(@TempDir Path tmp) throws Exception {
        Path sweep = Files.createDirectories(tmp.resolve("sweep"));
        Files.copy(ReportFixtures.sweep().resolve("sweep.yaml"), sweep.resolve("sweep.yaml"));
        ReportFixtures.copyOfRun(sweep.resolve("runs").resolve("eps=0.05-seed1"));

        Document doc = Jsoup.parse(Files.readString(ReportFixtures.report(sweep, sweep.resolve("report.html"))));

        assertThat(doc.select("#summary .missing").text()).contains("No summary.csv");
        assertThat(cell(doc, "runs-table", "eps=0.05-seed1", 1)).isEqualTo("eps=0.05");
        assertThat(cell(doc, "runs-table", "eps=0.05-seed1", 3)).isEqualTo("done");
        JsonNode eval = new ObjectMapper().readTree(ReportFixtures.run().resolve("eval.json").toFile());
        assertThat(cell(doc, "run-metrics-table", "eps=0.05-seed1", headIndex(doc, "run-metrics-table", "kl")))
                .isEqualTo(Fmt.number(eval.get("kl").asDouble()));
        assertThat(doc.select("#curves img")).hasSize(4);
    }

    private static int headIndex(Document doc, String id, String heading) {
        return doc.select("#" + id + " thead th").eachText().indexOf(heading);
    }

    @Test
    void nestedEvaluationsOfAnImageRunAreTablesSideBySide(@TempDir Path tmp) throws Exception {
        Path run = Files.createDirectories(tmp.resolve("image-run"));
        Files.writeString(run.resolve("spec.resolved.yaml"), "name: digits\nseed: 3\ndata: {type: no-such-data}\n"
                + "train: {steps: 100}\n");
        Files.writeString(run.resolve("eval.json"), """
                {"step": 100, "train_wall_s": 12.5,
                 "replay_buffer": {"class_histogram": [0.1, 0.3, 0.6], "entropy": 0.8979, "top_class_prob": 0.7312,
                                   "frechet": 41.25, "chain_class_changes": {"mean": 0.5, "max": 3}},
                 "fresh_chains": {"class_histogram": [0.2, 0.2, 0.6], "entropy": 0.9503, "top_class_prob": 0.6,
                                  "frechet": 80.5, "chain_class_changes": {"mean": 1.25, "max": 4}},
                 "classifier": {"accuracy": 0.987}}
                """);
        Files.createDirectories(run.resolve("samples"));
        BufferedImage grid = new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 56; i++) {
            grid.setRGB(i, i, Color.WHITE.getRGB());
        }
        ImageIO.write(grid, "png", run.resolve("samples").resolve("step-100.png").toFile());

        Document doc = Jsoup.parse(Files.readString(ReportFixtures.report(run, run.resolve("report.html"))));

        String side = "eval-replay-buffer-fresh-chains";
        assertThat(doc.select("#" + side + " thead th").eachText())
                .containsExactly("quantity", "replay_buffer", "fresh_chains");
        assertThat(cell(doc, side, "entropy", 1)).isEqualTo("0.8979");
        assertThat(cell(doc, side, "entropy", 2)).isEqualTo("0.9503");
        assertThat(cell(doc, side, "chain_class_changes.mean", 2)).isEqualTo("1.25");
        assertThat(cell(doc, side, "class_histogram", 1)).isEqualTo("[0.1, 0.3, 0.6]");
        assertThat(cell(doc, "eval-classifier", "accuracy", 1)).isEqualTo("0.987");
        assertThat(cell(doc, "eval", "train_wall_s", 1)).isEqualTo("12.5");
        assertThat(doc.select("#evaluation img")).as("class histograms drawn").hasSize(1);
        assertThat(doc.select("#density .missing").text()).contains("this run's data has none");
        assertThat(doc.select("#explain .missing").text()).contains("no-such-data");
        Element sample = doc.selectFirst("#samples img");
        assertThat(sample.attr("style")).isEqualTo("width: 504px");
        assertThat(sample.hasClass("pixelated")).isTrue();
        assertThat(doc.select("#curves .missing").text()).contains("No metrics.jsonl lines");
    }

    @Test
    void everyTextIsEscaped(@TempDir Path tmp) throws Exception {
        Path run = ReportFixtures.copyOfRun(tmp.resolve("run"));
        String spec = Files.readString(run.resolve("spec.resolved.yaml"));
        Files.writeString(run.resolve("spec.resolved.yaml"), spec.replace("name: tiny-report",
                "name: \"<script>alert('x')</script> & <b>\""));
        String html = Files.readString(ReportFixtures.report(run, run.resolve("report.html")));
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("b")).isEmpty();
        assertThat(doc.title()).isEqualTo("Run <script>alert('x')</script> & <b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;");
    }

    @Test
    void sweepReportShowsSummaryRunsAndCurvesPerCase(@TempDir Path tmp) throws Exception {
        Path sweep = ReportFixtures.sweep();
        Document doc = Jsoup.parse(Files.readString(ReportFixtures.report(sweep, sweep.resolve("report.html"))));
        SweepSummary sum = SweepSummary.read(sweep.resolve("summary.csv"));
        SweepSummary.Stat kl = sum.cases().get(1).stats().get("kl");

        assertThat(doc.select("#summary-table thead th").eachText()).containsExactly("metric", "eps=0.05", "eps=0.2");
        Element klCell = cellElement(doc, "summary-table", "kl", 2);
        assertThat(klCell.ownText()).isEqualTo(Fmt.number(kl.mean()) + " ± " + Fmt.number(kl.std()));
        assertThat(klCell.select(".sub").text()).isEqualTo("[" + Fmt.number(kl.low()) + ", " + Fmt.number(kl.high())
                + "]");
        assertThat(cell(doc, "summary-table", "failed", 2)).isEqualTo("1");
        assertThat(cell(doc, "summary-table", "objective (explain)", 1)).isEqualTo("ml-persistent");
        // every summary metric varies over seeds: four charts with error bars, plus wall_s
        assertThat(doc.select("#metrics img")).hasSize(5);
        assertThat(cell(doc, "runs-table", "eps=0.2-seed3", 3)).isEqualTo("failed");
        assertThat(cell(doc, "runs-table", "eps=0.2-seed3", 6)).isEqualTo(ReportFixtures.FAILED_ERROR);
        assertThat(cell(doc, "runs-table", "eps=0.05-seed3", 3)).isEqualTo("pending");
        assertThat(cellElement(doc, "runs-table", "eps=0.2-seed1", 0).selectFirst("a").attr("href"))
                .isEqualTo("runs/eps=0.2-seed1/");
        assertThat(cell(doc, "runs-table", "eps=0.2-seed1", 5)).isEqualTo("6 / 6");
        JsonNode eval = new ObjectMapper().readTree(sweep.resolve("runs/eps=0.2-seed2/eval.json").toFile());
        assertThat(cell(doc, "run-metrics-table", "eps=0.2-seed2", 3)).isEqualTo(Fmt.number(eval.get("kl")
                .asDouble()));
        // loss, e_pos, e_neg, grad_norm (accept_rate is not logged by Langevin)
        assertThat(doc.select("#curves img")).hasSize(4);
        assertThat(doc.select("#sweep-file pre").text()).contains("seeds: [1, 2, 3]");
        assertThat(doc.select("header dd").eachText()).contains("1, 2, 3", "6: 4 done, 1 failed, 0 running, 1 pending");
        assertSelfContained(doc);
    }

    @Test
    void aDirectoryThatIsNeitherARunNorASweepIsRefused(@TempDir Path tmp) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(new RunnerWiring(ReportFixtures.REGISTRY), "report", tmp.toString());
        } finally {
            System.setErr(oldErr);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is neither a run directory")
                .contains("sweep.yaml, sweep.json, summary.csv");
        assertThat(tmp.resolve("report.html")).doesNotExist();
    }

    @Test
    void numbersAreShownWithFourSignificantDigits() {
        Map<Double, String> cases = Map.of(0.9409378006125486, "0.9409", 1.5580096640209466E-5, "1.558e-05",
                58.944544669, "58.94", 2.0, "2", 123456.7, "1.235e+05", -0.25, "-0.25", 1.0E-3, "0.001");
        cases.forEach((v, s) -> assertThat(Fmt.number(v)).as("%s", v).isEqualTo(s));
        assertThat(Fmt.number(Double.NaN)).isEqualTo("—");
        assertThat(Fmt.meanStd(0.5, 0.01234)).isEqualTo("0.5 ± 0.01234");
        assertThat(Fmt.seconds(185)).isEqualTo("3 min 05 s");
        assertThat(RunReport.pick(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 4)).containsExactly(1, 4, 7, 10);
    }

    /** The text of column {@code col} in the row of table {@code id} whose first cell is {@code key}. */
    static String cell(Document doc, String id, String key, int col) {
        return cellElement(doc, id, key, col).text();
    }

    static Element cellElement(Document doc, String id, String key, int col) {
        Element table = doc.getElementById(id);
        assertThat(table).as("table #%s", id).isNotNull();
        for (Element tr : table.select("tbody tr")) {
            if (tr.child(0).text().equals(key)) {
                return tr.child(col);
            }
        }
        throw new AssertionError("no row '" + key + "' in table #" + id + ": " + table.select("tbody tr td:eq(0)")
                .eachText());
    }

    /** No script, no stylesheet or font link, every image inline. */
    static void assertSelfContained(Document doc) {
        assertThat(doc.select("script, link, iframe, object, embed")).isEmpty();
        assertThat(doc.select("img").eachAttr("src")).isNotEmpty()
                .allSatisfy(src -> assertThat(src).startsWith("data:image/png;base64,"));
        assertThat(doc.select("style").html()).doesNotContain("url(").doesNotContain("@import");
        assertThat(doc.select("[href]").eachAttr("href")).noneMatch(h -> h.matches("(?i)[a-z]+://.*"));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
