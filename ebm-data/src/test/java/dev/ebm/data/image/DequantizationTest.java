package dev.ebm.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The dequantization noise, isolated exactly: two generators in the same state draw the same images, so a noisy
 * batch minus a clean one is the noise alone. Over N = 2000·784 values the mean's standard error is σ/√N (σ/1252).
 */
class DequantizationTest {
    private static final int N = 2000;

    @TempDir
    static Path dir;

    private static INDArray noise(String scale, String dequantize) throws Exception {
        Path d = dir.resolve("data");
        if (!d.toFile().exists()) {
            ImageFixture.write(d, 40, 4, false);
        }
        String s = "\"scale\": \"" + scale + "\"";
        LabelledData noisy = ImageFixture.source("mnist", d, s + ", \"dequantize\": \"" + dequantize + "\""
                + (dequantize.equals("gaussian") ? ", \"noiseStd\": 0.03" : ""));
        LabelledData clean = ImageFixture.source("mnist", d, s);
        Rng rng = new Rng(21);
        Rng same = Rng.fromState(rng.state());
        return noisy.batch(N, rng, DataType.DOUBLE).sub(clean.batch(N, same, DataType.DOUBLE));
    }

    private static void assertMoments(INDArray e, double mean, double std) {
        double n = e.length();
        double m = e.meanNumber().doubleValue();
        double var = e.sub(m).muli(e.sub(m)).sumNumber().doubleValue() / (n - 1);
        assertThat(m).isCloseTo(mean, within(5 * std / Math.sqrt(n)));
        // the sample variance's standard error is below 2σ²/√n for these light-tailed noises
        assertThat(var).isCloseTo(std * std, within(5 * 2 * std * std / Math.sqrt(n)));
    }

    @Test
    void uniformNoiseIsOneGreyLevelOfTheUnitRange() throws Exception {
        INDArray e = noise("unit", "uniform");
        assertMoments(e, 0.5 / 256, Math.sqrt(1.0 / (12 * 256.0 * 256.0)));
        assertThat(e.minNumber().doubleValue()).isGreaterThanOrEqualTo(0).isLessThan(1e-5);
        assertThat(e.maxNumber().doubleValue()).isLessThan(1.0 / 256).isGreaterThan(0.99 / 256);
    }

    @Test
    void uniformNoiseScalesWithTheSymmetricRange() throws Exception {
        INDArray e = noise("symmetric", "uniform");
        assertMoments(e, 1.0 / 256, Math.sqrt(4.0 / (12 * 256.0 * 256.0)));
        assertThat(e.maxNumber().doubleValue()).isLessThan(2.0 / 256);
    }

    @Test
    void gaussianNoiseHasTheGivenStdInTheScaledRange() throws Exception {
        INDArray e = noise("symmetric", "gaussian");
        assertMoments(e, 0, 0.03);
        // a normal's fourth standardised moment is 3
        double kurtosis = e.div(0.03).muli(e.div(0.03)).muli(e.div(0.03)).muli(e.div(0.03)).meanNumber().doubleValue();
        assertThat(kurtosis).isCloseTo(3, within(0.05));
    }

    @Test
    void noDequantizationAddsNothing() throws Exception {
        assertThat(noise("unit", "none").maxNumber().doubleValue()).isZero();
    }
}
