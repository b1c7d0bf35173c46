package dev.ebm.runner.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's report read from its HTML: the summary with intervals, the runs with their errors, curves per case. */
class SweepReportTest {

    @Test
    void sweepReportShowsSummaryRunsAndCurvesPerCase(@TempDir Path tmp) throws Exception {
        Path sweep = ReportFixtures.sweep();
        Document doc = Jsoup.parse(Files.readString(ReportFixtures.report(sweep, sweep.resolve("report.html"))));
        SweepSummary sum = SweepSummary.read(sweep.resolve("summary.csv"));
        SweepSummary.Stat kl = sum.cases().get(1).stats().get("kl");

        assertThat(doc.select("#summary-table thead th").eachText()).containsExactly("metric", "eps=0.05", "eps=0.2");
        Element klCell = Pages.cellElement(doc, "summary-table", "kl", 2);
        assertThat(klCell.ownText()).isEqualTo(Fmt.number(kl.mean()) + " ± " + Fmt.number(kl.std()));
        assertThat(klCell.select(".sub").text()).isEqualTo("[" + Fmt.number(kl.low()) + ", " + Fmt.number(kl.high())
                + "]");
        assertThat(Pages.cell(doc, "summary-table", "failed", 2)).isEqualTo("1");
        assertThat(Pages.cell(doc, "summary-table", "objective (explain)", 1)).isEqualTo("ml-persistent");
        // every summary metric varies over seeds: four charts with error bars, plus wall_s
        assertThat(doc.select("#metrics img")).hasSize(5);
        assertThat(Pages.cell(doc, "runs-table", "eps=0.2-seed3", 3)).isEqualTo("failed");
        assertThat(Pages.cell(doc, "runs-table", "eps=0.2-seed3", 6)).isEqualTo(ReportFixtures.FAILED_ERROR);
        assertThat(Pages.cell(doc, "runs-table", "eps=0.05-seed3", 3)).isEqualTo("pending");
        assertThat(Pages.cellElement(doc, "runs-table", "eps=0.2-seed1", 0).selectFirst("a").attr("href"))
                .isEqualTo("runs/eps=0.2-seed1/");
        assertThat(Pages.cell(doc, "runs-table", "eps=0.2-seed1", 5)).isEqualTo("6 / 6");
        JsonNode eval = new ObjectMapper().readTree(sweep.resolve("runs/eps=0.2-seed2/eval.json").toFile());
        assertThat(Pages.cell(doc, "run-metrics-table", "eps=0.2-seed2", 3)).isEqualTo(Fmt.number(eval.get("kl")
                .asDouble()));
        // loss, e_pos, e_neg, grad_norm (accept_rate is not logged by Langevin)
        assertThat(doc.select("#curves img")).hasSize(4);
        assertThat(doc.select("#sweep-file pre").text()).contains("seeds: [1, 2, 3]");
        assertThat(doc.select("header dd").eachText()).contains("1, 2, 3", "6: 4 done, 1 failed, 0 running, 1 pending");
        Pages.assertSelfContained(doc);
    }


    @Test
    void aSweepWithoutSweepJsonOrSummaryListsItsRunDirectories(@TempDir Path tmp) throws Exception {
        Path sweep = Files.createDirectories(tmp.resolve("sweep"));
        Files.copy(ReportFixtures.sweep().resolve("sweep.yaml"), sweep.resolve("sweep.yaml"));
        ReportFixtures.copyOfRun(sweep.resolve("runs").resolve("eps=0.05-seed1"));

        Document doc = Jsoup.parse(Files.readString(ReportFixtures.report(sweep, sweep.resolve("report.html"))));

        assertThat(doc.select("#summary .missing").text()).contains("No summary.csv");
        assertThat(Pages.cell(doc, "runs-table", "eps=0.05-seed1", 1)).isEqualTo("eps=0.05");
        assertThat(Pages.cell(doc, "runs-table", "eps=0.05-seed1", 3)).isEqualTo("done");
        JsonNode eval = new ObjectMapper().readTree(ReportFixtures.run().resolve("eval.json").toFile());
        assertThat(Pages.cell(doc, "run-metrics-table", "eps=0.05-seed1", headIndex(doc, "run-metrics-table", "kl")))
                .isEqualTo(Fmt.number(eval.get("kl").asDouble()));
        assertThat(doc.select("#curves img")).hasSize(4);
    }


    private static int headIndex(Document doc, String id, String heading) {
        return doc.select("#" + id + " thead th").eachText().indexOf(heading);
    }
}
