package dev.ebm.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv, summary.md and the plot of a hand-made sweep directory, checked against hand-computed numbers. */
class SweepSummaryTest {
    /** t(0.975, 2) from a printed table of Student's t quantiles. */
    private static final double T2 = 4.302652729911275;

    private static void run(Path dir, String name, String eval, String lastMetrics) throws IOException {
        Path run = Files.createDirectories(dir.resolve("runs").resolve(name));
        if (eval != null) {
            Files.writeString(run.resolve("eval.json"), eval);
        }
        Files.writeString(run.resolve("metrics.jsonl"), "{\"step\":1,\"loss\":9.0,\"wall_s\":0.1}\n" + lastMetrics
                + "\n");
    }

    private static Path fixture(Path dir) throws IOException {
        run(dir, "a-seed1", "{\"step\":4,\"kl\":0.5,\"nll\":2.0,\"grid\":40}", "{\"step\":4,\"loss\":1.0,"
                + "\"wall_s\":3.0,\"terms\":{\"0:ml\":0.25}}");
        run(dir, "a-seed2", "{\"step\":4,\"kl\":0.7,\"nll\":2.5,\"grid\":40}", "{\"step\":4,\"loss\":2.0,"
                + "\"wall_s\":3.0,\"terms\":{\"0:ml\":0.5}}");
        run(dir, "a-seed3", "{\"step\":4,\"kl\":0.9,\"nll\":3.5,\"grid\":40}", "{\"step\":4,\"loss\":6.0,"
                + "\"wall_s\":3.0,\"terms\":{\"0:ml\":0.75}}");
        run(dir, "b-seed1", "{\"step\":4,\"kl\":1.5,\"nll\":4.0,\"grid\":40}", "{\"step\":4,\"loss\":0.5}");
        run(dir, "b-seed2", null, "{\"step\":2,\"loss\":7.0}");
        Files.writeString(dir.resolve("sweep.json"), """
                {"runs": [
                  {"case": "a", "seed": 1, "dir": "runs/a-seed1", "state": "done", "error": null, "wall_s": 10.0},
                  {"case": "b", "seed": 1, "dir": "runs/b-seed1", "state": "done", "error": null, "wall_s": 20.0},
                  {"case": "a", "seed": 2, "dir": "runs/a-seed2", "state": "done", "error": null, "wall_s": 12.0},
                  {"case": "b", "seed": 2, "dir": "runs/b-seed2", "state": "failed", "error": "exit 3", "wall_s": 5.0},
                  {"case": "a", "seed": 3, "dir": "runs/a-seed3", "state": "done", "error": null, "wall_s": 17.0}
                ]}
                """);
        return dir;
    }

    private static Map<String, String> csvRow(List<String> lines, String name) {
        String[] head = lines.get(0).split(",", -1);
        for (String l : lines) {
            String[] cells = l.split(",", -1);
            if (cells[0].equals(name)) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < head.length; i++) {
                    row.put(head[i], cells[i]);
                }
                return row;
            }
        }
        throw new AssertionError("no row " + name);
    }

    @Test
    void meanStdAndStudentIntervalPerCaseMatchHandComputedValues(@TempDir Path tmp) throws IOException {
        Path dir = fixture(tmp);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SweepFiles.writeSummary(dir, null, new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo("case,runs,failed,wall_s_mean,wall_s_std,"
                + "kl_mean,kl_std,kl_ci95_low,kl_ci95_high,nll_mean,nll_std,nll_ci95_low,nll_ci95_high,"
                + "grid_mean,grid_std,grid_ci95_low,grid_ci95_high,loss_mean,loss_std,loss_ci95_low,loss_ci95_high,"
                + "terms.0:ml_mean,terms.0:ml_std,terms.0:ml_ci95_low,terms.0:ml_ci95_high");
        Map<String, String> a = csvRow(csv, "a");
        assertThat(a.get("runs")).isEqualTo("3");
        assertThat(a.get("failed")).isEqualTo("0");
        // wall 10, 12, 17: mean 13, deviations -3 -1 4, sum of squares 26, std sqrt(13)
        assertThat(Double.parseDouble(a.get("wall_s_mean"))).isCloseTo(13.0, within(1e-12));
        assertThat(Double.parseDouble(a.get("wall_s_std"))).isCloseTo(Math.sqrt(13), within(1e-12));
        // kl 0.5, 0.7, 0.9: mean 0.7, std 0.2, half-width t(0.975, 2) * 0.2 / sqrt(3)
        double half = T2 * 0.2 / Math.sqrt(3);
        assertThat(Double.parseDouble(a.get("kl_mean"))).isCloseTo(0.7, within(1e-12));
        assertThat(Double.parseDouble(a.get("kl_std"))).isCloseTo(0.2, within(1e-12));
        assertThat(Double.parseDouble(a.get("kl_ci95_low"))).isCloseTo(0.7 - half, within(1e-9));
        assertThat(Double.parseDouble(a.get("kl_ci95_high"))).isCloseTo(0.7 + half, within(1e-9));
        // nll 2, 2.5, 3.5: mean 8/3, squares (4/9 + 1/36 + 25/36) = 7/6 → std sqrt(7/12)
        assertThat(Double.parseDouble(a.get("nll_mean"))).isCloseTo(8.0 / 3, within(1e-12));
        assertThat(Double.parseDouble(a.get("nll_std"))).isCloseTo(Math.sqrt(7.0 / 12), within(1e-12));
        // the last metrics line, not the first; wall_s and step are not metrics; nested terms flattened
        assertThat(Double.parseDouble(a.get("loss_mean"))).isCloseTo(3.0, within(1e-12));
        assertThat(Double.parseDouble(a.get("terms.0:ml_mean"))).isCloseTo(0.5, within(1e-12));

        Map<String, String> b = csvRow(csv, "b");
        assertThat(b.get("runs")).isEqualTo("1");
        assertThat(b.get("failed")).isEqualTo("1");
        assertThat(b.get("kl_mean")).isEqualTo("1.5");
        assertThat(b.get("kl_std")).isEmpty();
        assertThat(b.get("kl_ci95_low")).isEmpty();
        assertThat(b.get("terms.0:ml_mean")).isEmpty();
        assertThat(b.get("wall_s_mean")).isEqualTo("20.0");

        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(md).contains("| case | runs | failed | `kl` | `nll` | `kl` 95 % CI | wall s |")
                .contains("| a | 3 | 0 | 0.7 ± 0.2 | 2.667 ± 0.7638 | [" + SummaryFiles.fmt(0.7 - half) + ", "
                        + SummaryFiles.fmt(0.7 + half) + "] | 13 ± 4 |")
                .contains("| b | 1 | 1 | 1.5 | 4 |  | 20 |")
                .doesNotContain("`grid`");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("| a | 3 | 0 |");

        BufferedImage png = ImageIO.read(dir.resolve("plots").resolve("kl.png").toFile());
        assertThat(png.getWidth()).isGreaterThanOrEqualTo(640);
        long coloured = 0;
        for (int x = 0; x < png.getWidth(); x++) {
            for (int y = 0; y < png.getHeight(); y++) {
                int rgb = png.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int bl = rgb & 255;
                coloured += bl > r + 60 ? 1 : 0;
            }
        }
        assertThat(coloured).as("blue mean markers drawn").isGreaterThan(20);
    }

    @Test
    void statisticsOfOneAndNoValues() {
        assertThat(Stats.of()).isEqualTo(new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        Stats one = Stats.of(2.5);
        assertThat(one.mean()).isEqualTo(2.5);
        assertThat(one.std()).isNaN();
        Stats two = Stats.of(1, 3);
        // t(0.975, 1) = 12.706204736174698 from a printed table; std sqrt(2), half-width 12.7062 * sqrt(2)/sqrt(2)
        assertThat(two.ciHigh() - two.mean()).isCloseTo(12.706204736174698, within(1e-9));
    }
}
