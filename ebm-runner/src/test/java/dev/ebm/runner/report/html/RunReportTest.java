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

/** A run's report read from its HTML: values as shown, escaping, missing pieces, nested evaluations. */
class RunReportTest {

    @Test
    void runReportShowsEvaluationSpecCurvesSamplesAndDensityInline(@TempDir Path tmp) throws Exception {
        Path run = ReportFixtures.run();
        Path file = ReportFixtures.report(run, tmp.resolve("r.html"));
        Document doc = Jsoup.parse(Files.readString(file));
        JsonNode eval = new ObjectMapper().readTree(run.resolve("eval.json").toFile());

        assertThat(Pages.cell(doc, "eval", "kl", 1)).isEqualTo(Fmt.number(eval.get("kl").asDouble()));
        assertThat(Pages.cell(doc, "eval", "nll", 1)).isEqualTo(Fmt.number(eval.get("nll").asDouble()));
        assertThat(Pages.cell(doc, "eval", "grid", 1)).isEqualTo("30");
        assertThat(doc.select("#spec pre").text()).isEqualTo(Jsoup.parse("<pre>" + escape(Files.readString(
                run.resolve("spec.resolved.yaml"))) + "</pre>").select("pre").text());
        assertThat(Pages.cell(doc, "explain-table", "objective", 1)).endsWith("[ml-persistent]");
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
        Pages.assertSelfContained(doc);
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
        assertThat(Pages.cell(doc, side, "entropy", 1)).isEqualTo("0.8979");
        assertThat(Pages.cell(doc, side, "entropy", 2)).isEqualTo("0.9503");
        assertThat(Pages.cell(doc, side, "chain_class_changes.mean", 2)).isEqualTo("1.25");
        assertThat(Pages.cell(doc, side, "class_histogram", 1)).isEqualTo("[0.1, 0.3, 0.6]");
        assertThat(Pages.cell(doc, "eval-classifier", "accuracy", 1)).isEqualTo("0.987");
        assertThat(Pages.cell(doc, "eval", "train_wall_s", 1)).isEqualTo("12.5");
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

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
