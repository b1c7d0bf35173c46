package dev.ebm.runner.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.runner.Cli;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code bin/ebm sample} through the command line: bad input is refused clearly; a spec is sampled correctly. */
class SampleCommandTest {

    /** Exit code, standard output and standard error of one command line. */
    /** {@code bin/ebm ARGS} in this JVM. */
    static Cli.Result ebm(String... args) {
        return Cli.run(args);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aMissingSourceIsReportedWithWhatASourceMayBe(@TempDir Path tmp) {
        Cli.Result r = ebm("sample", tmp.resolve("nope.yaml").toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such file or directory: " + tmp.resolve("nope.yaml"))
                .contains("SOURCE must be a spec file (YAML or JSON), a run directory")
                .contains("checkpoint directory");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNeitherARunNorACheckpointIsRefused(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        Cli.Result r = ebm("sample", tmp.resolve("empty").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a directory without spec.resolved.yaml or manifest.json");
    }

    @Test
    void aSpecWithoutEnergyAndSamplerNamesBothAtOnce(@TempDir Path tmp) throws IOException {
        Path spec = write(tmp, "s.yaml", "name: nothing\nseed: 2\n");
        Cli.Result r = ebm("sample", spec.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(spec + ": " + golden("sample-missing-sections.txt") + System.lineSeparator());
    }

    @Test
    void aSpecWithoutEnergySaysSoAndDoesNotAskForTrainingSections(@TempDir Path tmp) throws IOException {
        Path spec = write(tmp, "s.yaml", "sampler: {type: mala, steps: 10}\n");
        Cli.Result r = ebm("sample", spec.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("1 problem in the spec:").contains("energy: is required for sampling")
                .doesNotContain("optimizer").doesNotContain("objective").doesNotContain("data:");
    }

    @Test
    void anUntrainedNetworkIsRefusedWithWhereToSampleFrom(@TempDir Path tmp) throws IOException {
        Path spec = write(tmp, "s.yaml", """
                data: {type: eight-gaussians}
                energy: {type: mlp, hidden: [8]}
                sampler: {type: langevin, steps: 5, epsilon: 0.1}
                """);
        Cli.Result r = ebm("sample", spec.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("energy: 'mlp' has").contains("trainable parameters")
                .contains("sample a trained run");
        Path noData = write(tmp, "n.yaml", "energy: {type: mlp, hidden: [8]}\nsampler: {type: mala}\n");
        assertThat(ebm("sample", noData.toString()).err())
                .contains("data: is required to sample the 'mlp' energy, whose input shape comes from the data");
    }

    @Test
    void wrongOverridesAndBurnAreBadInput(@TempDir Path tmp) throws IOException {
        Path spec = write(tmp, "s.yaml", "energy: {type: gaussian, mean: [0]}\nsampler: {type: mala, steps: 10}\n");
        Cli.Result typo = ebm("sample", spec.toString(), "--set", "sampler.epsilonn=0.1", "--out",
                tmp.resolve("a").toString());
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("sampler.epsilonn: unknown key");
        Cli.Result burn = ebm("sample", spec.toString(), "--steps", "20", "--burn", "20", "--out",
                tmp.resolve("b").toString());
        assertThat(burn.code()).isEqualTo(2);
        assertThat(burn.err()).contains("--burn must be in [0, steps) = [0, 20), found 20");
    }

    @Test
    void anExistingNonEmptyOutputIsRefusedUnlessForced(@TempDir Path tmp) throws IOException {
        Path spec = write(tmp, "s.yaml", "energy: {type: gaussian, mean: [0]}\nsampler: {type: mala, steps: 8}\n");
        Path out = Files.createDirectories(tmp.resolve("o"));
        Files.writeString(out.resolve("keep.txt"), "x");
        Cli.Result refused = ebm("sample", spec.toString(), "--chains", "16", "--out", out.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("already exists and is not empty").contains("--force");
        assertThat(out.resolve("info.json")).doesNotExist();
        Cli.Result forced = ebm("sample", spec.toString(), "--chains", "16", "--out", out.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(out.resolve("info.json")).exists();
        assertThat(out.resolve("keep.txt")).exists();
    }

    /**
     * MALA on N(μ, Σ) in 2-D: the samples' mean and covariance match, the mean final energy matches its closed form
     * E[E(x)] = d/2 + ½·log det(2πΣ), and the diagnostics say the chains agree.
     */
    @Test
    void aGaussianSpecIsSampledWithDiagnosticsAndTheThreeFiles(@TempDir Path tmp) throws IOException {
        Path spec = write(tmp, "g.yaml", """
                name: gauss
                seed: 4
                energy: {type: gaussian, mean: [1.0, -2.0], covariance: [[1.0, 0.5], [0.5, 2.0]]}
                sampler: {type: mala, steps: 400, epsilon: 0.9, adapt: {target: 0.574}}
                """);
        Path out = tmp.resolve("o");
        Cli.Result r = ebm("sample", spec.toString(), "--chains", "400", "--out", out.toString());
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("R-hat").contains("bulk ESS").contains("done: " + out);

        INDArray x = Nd4j.createFromNpyFile(out.resolve("samples.npy").toFile());
        assertThat(x.shape()).containsExactly(400, 2);
        assertThat(x.dataType()).isEqualTo(DataType.FLOAT);
        double[] flat = x.castTo(DataType.DOUBLE).reshape(800).toDoubleVector();
        double m0 = 0;
        double m1 = 0;
        for (int i = 0; i < 400; i++) {
            m0 += flat[2 * i] / 400;
            m1 += flat[2 * i + 1] / 400;
        }
        double c01 = 0;
        double v1 = 0;
        for (int i = 0; i < 400; i++) {
            c01 += (flat[2 * i] - m0) * (flat[2 * i + 1] - m1) / 399;
            v1 += (flat[2 * i + 1] - m1) * (flat[2 * i + 1] - m1) / 399;
        }
        // 400 independent chains: standard errors 0.05 and 0.07 for the means, ~0.14 for var(x1) = 2
        assertThat(m0).isCloseTo(1.0, within(0.2));
        assertThat(m1).isCloseTo(-2.0, within(0.3));
        assertThat(v1).isCloseTo(2.0, within(0.5));
        assertThat(c01).isCloseTo(0.5, within(0.3));

        JsonNode info = new ObjectMapper().readTree(out.resolve("info.json").toFile());
        double logDet = Math.log(1.0 * 2.0 - 0.25);
        double expectedEnergy = 1 + Math.log(2 * Math.PI) + 0.5 * logDet; // d/2 + ½ log det(2πΣ), d = 2
        assertThat(info.at("/energy/mean").asDouble()).isCloseTo(expectedEnergy, within(0.2));
        assertThat(info.get("chains").asInt()).isEqualTo(400);
        assertThat(info.get("steps").asInt()).isEqualTo(400);
        assertThat(info.get("burn").asInt()).isEqualTo(200);
        assertThat(info.get("sampler").asText()).isEqualTo("mala");
        assertThat(info.get("accept_rate").asDouble()).isBetween(0.45, 0.7);
        for (String q : new String[] {"energy", "x0", "x1"}) {
            assertThat(info.at("/rhat/" + q).asDouble()).as("R-hat of %s", q).isBetween(0.99, 1.02);
            assertThat(info.at("/ess/" + q).asDouble()).as("ESS of %s", q).isGreaterThan(2000);
        }
        assertThat(info.get("wall_s").asDouble()).isPositive();
        BufferedImage png = ImageIO.read(out.resolve("chain.png").toFile());
        assertThat(png.getWidth()).isGreaterThan(500);
        assertThat(Files.readString(out.resolve("spec.resolved.yaml"))).doesNotContain("negatives");
        assertThat(info.get("negatives").asText()).isEqualTo("gaussian noise with std 1 (the default without "
                + "negatives)");
    }

    @Test
    void float64SpecsWriteFloat64SamplesAndStepsComeFromTheOption(@TempDir Path tmp) throws IOException {
        Path spec = write(tmp, "g.yaml", "dtype: float64\nenergy: {type: gaussian, mean: [3.0]}\n"
                + "sampler: {type: mala, steps: 50, epsilon: 1.0}\n");
        Path out = tmp.resolve("o");
        Cli.Result r = ebm("sample", spec.toString(), "--chains", "64", "--steps", "12", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        INDArray x = Nd4j.createFromNpyFile(out.resolve("samples.npy").toFile());
        assertThat(x.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(x.shape()).containsExactly(64, 1);
        JsonNode info = new ObjectMapper().readTree(out.resolve("info.json").toFile());
        assertThat(info.get("steps").asInt()).isEqualTo(12);
        assertThat(info.get("draws_per_chain").asInt()).isEqualTo(6);
        assertThat(info.get("ess").has("x0")).isTrue();
        assertThat(info.get("rhat").has("energy")).isTrue();
    }

    static String golden(String name) throws IOException {
        try (var in = SampleCommandTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing().replace("\n",
                    System.lineSeparator());
        }
    }
}
