package dev.ebm.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ebm.api.LabelledData;
import dev.ebm.api.dataset.Dataset;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The real data sets, when {@code bin/ebm data fetch} has put them into the data cache (skipped otherwise): sizes,
 * the published class counts and the pixel statistics everyone normalises with (MNIST train mean 0.1307, std
 * 0.3081; Fashion-MNIST 0.2860, 0.3530).
 */
class RealDataTest {

    private static void assumeCached(Dataset d) {
        assumeTrue(d.files().stream().allMatch(f -> Files.isRegularFile(d.cacheDir().resolve(f.name()))),
                d.name() + " is not in the data cache " + d.cacheDir() + " (" + d.fetchCommand() + ")");
    }

    private static int[] counts(int[] labels) {
        int[] c = new int[10];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    /** Mean and std of every pixel of every sample, summed in double precision chunk by chunk. */
    private static double[] meanAndStd(LabelledData d) {
        double sum = 0;
        double squares = 0;
        for (int from = 0; from < d.size(); from += 5000) {
            INDArray x = d.samples(from, Math.min(d.size(), from + 5000), DataType.DOUBLE);
            sum += x.sumNumber().doubleValue();
            squares += x.mul(x).sumNumber().doubleValue();
        }
        double n = d.size() * 784.0;
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(squares / n - mean * mean)};
    }

    private static LabelledData source(String json) throws Exception {
        return ImageFixture.create(ImageFixture.spec(json));
    }

    @Test
    void mnistHasItsPublishedSizesClassCountsAndPixelStatistics() throws Exception {
        assumeCached(ImageDatasets.MNIST);
        LabelledData train = source("{\"type\": \"mnist\"}");
        LabelledData test = source("{\"type\": \"mnist\", \"split\": \"test\"}");
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(counts(train.labels())).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(counts(test.labels())).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        double[] moments = meanAndStd(train);
        assertThat(moments[0]).isCloseTo(0.1307, within(5e-5));
        assertThat(moments[1]).isCloseTo(0.3081, within(5e-5));
        assertThat(source("{\"type\": \"mnist\", \"digits\": [0], \"limit\": 5000}").size()).isEqualTo(5000);
    }

    @Test
    void fashionMnistHasBalancedClassesAndItsPixelStatistics() throws Exception {
        assumeCached(ImageDatasets.FASHION_MNIST);
        LabelledData train = source("{\"type\": \"fashion-mnist\"}");
        LabelledData test = source("{\"type\": \"fashion-mnist\", \"split\": \"test\"}");
        assertThat(counts(train.labels())).containsOnly(6000);
        assertThat(counts(test.labels())).containsOnly(1000);
        double[] moments = meanAndStd(train);
        assertThat(moments[0]).isCloseTo(0.2860, within(5e-5));
        assertThat(moments[1]).isCloseTo(0.3530, within(5e-5));
    }
}
