package dev.ebm.runner.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports rendered by headless Chromium: the page's text holds the table values, and a screenshot is not blank.
 * Skipped only when no chromium is installed and {@code CI} is unset; in CI a missing browser fails the test.
 */
class ReportBrowserTest {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 2000;
    private static Chromium chromium;

    @BeforeAll
    static void findBrowser() {
        chromium = Chromium.find();
        if (chromium == null) {
            String why = "no chromium found ($EBM_CHROMIUM, /usr/bin/chromium, or chromium on the PATH); install it "
                    + "with 'apt-get install -y chromium' (.ci/run does)";
            if (System.getenv("CI") == null) {
                Assumptions.abort(why + ". Skipping the browser test because CI is unset.");
            }
            fail(why + ". CI is set, so the browser test must run.");
        }
    }

    @Test
    void chromiumShowsTheRunsEvaluationAndAClearPicture(@TempDir Path tmp) throws Exception {
        Path run = ReportFixtures.run();
        Path page = ReportFixtures.report(run, tmp.resolve("run.html"));
        JsonNode eval = new ObjectMapper().readTree(run.resolve("eval.json").toFile());

        Document dom = Jsoup.parse(chromium.dumpDom(page, tmp));
        assertThat(Pages.cell(dom, "eval", "kl", 1)).isEqualTo(Fmt.number(eval.get("kl").asDouble()));
        assertThat(Pages.cell(dom, "eval", "border_mass", 1))
                .isEqualTo(Fmt.number(eval.get("border_mass").asDouble()));
        assertThat(dom.body().text()).contains("Run tiny-report", "Training curves", "step 6 (latest)",
                "ml-persistent");
        Pages.assertSelfContained(dom);

        assertNotBlank(chromium.screenshot(page, tmp.resolve("run.png"), WIDTH, HEIGHT, tmp));
    }

    @Test
    void chromiumShowsTheSweepsSummaryAndAClearPicture(@TempDir Path tmp) throws Exception {
        Path sweep = ReportFixtures.sweep();
        Path page = ReportFixtures.report(sweep, tmp.resolve("sweep.html"));
        SweepSummary.Stat kl = SweepSummary.read(sweep.resolve("summary.csv")).cases().get(0).stats().get("kl");

        Document dom = Jsoup.parse(chromium.dumpDom(page, tmp));
        String cell = Pages.cell(dom, "summary-table", "kl", 1);
        assertThat(cell).startsWith(Fmt.number(kl.mean()) + " ± " + Fmt.number(kl.std()))
                .endsWith("[" + Fmt.number(kl.low()) + ", " + Fmt.number(kl.high()) + "]");
        assertThat(Pages.cell(dom, "runs-table", "eps=0.2-seed3", 6)).isEqualTo(ReportFixtures.FAILED_ERROR);
        Pages.assertSelfContained(dom);

        assertNotBlank(chromium.screenshot(page, tmp.resolve("sweep.png"), WIDTH, HEIGHT, tmp));
    }

    /** Several distinct colours and a share of non-white pixels: text, tables and charts were drawn. */
    static void assertNotBlank(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(WIDTH);
        assertThat(img.getHeight()).isEqualTo(HEIGHT);
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                colours.add((r >> 3) << 10 | (g >> 3) << 5 | (b >> 3));
                int min = Math.min(r, Math.min(g, b));
                nonWhite += min < 250 ? 1 : 0;
                dark += min < 128 ? 1 : 0;
            }
        }
        double pixels = img.getWidth() * (double) img.getHeight();
        System.out.printf("screenshot %s: %d distinct colours, %.1f %% not white, %.1f %% dark%n", png.getFileName(),
                colours.size(), 100 * nonWhite / pixels, 100 * dark / pixels);
        Path kept = Path.of("target", "report-fixtures", "screenshots", png.getFileName().toString());
        Files.createDirectories(kept.getParent());
        Files.copy(png, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(colours.size()).as("distinct colours (5 bits per channel) in %s", png).isGreaterThan(50);
        assertThat(nonWhite / pixels).as("share of pixels that are not white in %s", png).isGreaterThan(0.03);
        assertThat(dark / pixels).as("share of dark pixels (text, lines) in %s", png).isGreaterThan(0.003);
    }
}
