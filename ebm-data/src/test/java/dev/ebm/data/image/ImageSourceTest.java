package dev.ebm.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Box;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The image sources on generated IDX files: shapes, scales, order, labels, the class filter and limit, batches. */
class ImageSourceTest {
    @TempDir
    static Path dir;

    private static Path data() {
        Path d = dir.resolve("raw");
        if (!d.resolve(ImageDatasets.TRAIN_IMAGES).toFile().exists()) {
            ImageFixture.write(d, 50, 12, false);
        }
        return d;
    }

    @Test
    void samplesAreTheImagesInFileOrderScaledToTheUnitOrSymmetricRange() throws Exception {
        LabelledData unit = ImageFixture.source("mnist", data(), "");
        LabelledData sym = ImageFixture.source("mnist", data(), "\"scale\": \"symmetric\"");
        assertThat(unit.sampleShape()).containsExactly(1, 28, 28);
        assertThat(unit.size()).isEqualTo(50);
        INDArray u = unit.samples(3, 7, DataType.DOUBLE);
        INDArray s = sym.samples(3, 7, DataType.DOUBLE);
        assertThat(u.shape()).containsExactly(4, 1, 28, 28);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 784; j += 17) {
                int g = ImageFixture.level(3 + i, j);
                assertThat(u.getDouble(i, 0, j / 28, j % 28)).isEqualTo(g / 255.0);
                assertThat(s.getDouble(i, 0, j / 28, j % 28)).isCloseTo(2 * g / 255.0 - 1, within(1e-15));
            }
        }
        assertThat(unit.samples(0, 50, DataType.FLOAT).minNumber().doubleValue()).isEqualTo(0.0);
        assertThat(unit.samples(0, 50, DataType.FLOAT).maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(unit.bounds()).isEqualTo(Box.uniform(784, 0, 1));
        assertThat(sym.bounds()).isEqualTo(Box.uniform(784, -1, 1));
        assertThat(unit.labels()).containsExactly(ImageFixture.labels(50));
        assertThat(unit.classes()).isEqualTo(10);
        assertThat(unit.samples(5, 5, DataType.FLOAT).shape()).containsExactly(0, 1, 28, 28);
        assertThatThrownBy(() -> unit.samples(40, 51, DataType.FLOAT)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shardsAreDisjointInterleavedPartsOfTheSourceThatTogetherAreIt() throws Exception {
        LabelledData all = ImageFixture.source("mnist", data(), "\"digits\": [1, 2, 3, 4, 5, 6, 7, 8, 9]");
        assertThat(all.shard(0, 1)).isSameAs(all);
        int[] labels = all.labels();
        int total = 0;
        for (int r = 0; r < 3; r++) {
            LabelledData shard = (LabelledData) all.shard(r, 3);
            assertThat(shard.size()).isEqualTo((all.size() - r + 2) / 3);
            for (int i = 0; i < shard.size(); i++) {
                assertThat(shard.samples(i, i + 1, DataType.FLOAT)).as("shard " + r + " image " + i)
                        .isEqualTo(all.samples(r + 3 * i, r + 3 * i + 1, DataType.FLOAT));
                assertThat(shard.labels()[i]).isEqualTo(labels[r + 3 * i]);
            }
            // a batch of a shard draws only its images
            INDArray batch = shard.batch(40, new Rng(r), DataType.FLOAT);
            INDArray mine = shard.samples(0, shard.size(), DataType.FLOAT).reshape(shard.size(), 784);
            for (int k = 0; k < 40; k++) {
                INDArray x = batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(k)).reshape(1, 784);
                boolean found = false;
                for (int i = 0; i < shard.size() && !found; i++) {
                    found = mine.getRow(i).reshape(1, 784).equals(x);
                }
                assertThat(found).as("batch row " + k + " of shard " + r).isTrue();
            }
            total += shard.size();
        }
        assertThat(total).isEqualTo(all.size());
        assertThatThrownBy(() -> all.shard(3, 3)).hasMessage("shard 3 of 3");
    }

    @Test
    void samplesAreNeverDequantized() throws Exception {
        LabelledData noisy = ImageFixture.source("mnist", data(), "\"dequantize\": \"uniform\"");
        LabelledData clean = ImageFixture.source("mnist", data(), "");
        assertThat(noisy.samples(0, 50, DataType.FLOAT)).isEqualTo(clean.samples(0, 50, DataType.FLOAT));
    }

    @Test
    void testSplitReadsTheT10kFilesAndGzipFilesWork() throws Exception {
        Path gz = ImageFixture.write(dir.resolve("gz"), 20, 8, true);
        LabelledData test = ImageFixture.source("fashion-mnist", gz, "\"split\": \"test\"");
        assertThat(test.size()).isEqualTo(8);
        assertThat(test.samples(2, 3, DataType.DOUBLE).getDouble(0, 0, 0, 5))
                .isEqualTo((255 - ImageFixture.level(2, 5)) / 255.0);
        assertThat(test.classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                "Shirt", "Sneaker", "Bag", "Ankle boot");
        assertThat(ImageFixture.source("mnist", gz, "").classNames()).containsExactly("0", "1", "2", "3", "4", "5",
                "6", "7", "8", "9");
    }

    @Test
    void classFilterKeepsFileOrderAndLimitTakesTheFirstNAfterIt() throws Exception {
        LabelledData some = ImageFixture.source("mnist", data(), "\"digits\": [7, 3]");
        assertThat(some.labels()).containsExactly(3, 7, 3, 7, 3, 7, 3, 7, 3, 7);
        LabelledData limited = ImageFixture.source("mnist", data(), "\"digits\": [7, 3], \"limit\": 3");
        assertThat(limited.size()).isEqualTo(3);
        assertThat(limited.labels()).containsExactly(3, 7, 3);
        // the third kept image is image 13 of the file
        assertThat(limited.samples(2, 3, DataType.DOUBLE).getDouble(0, 0, 0, 1))
                .isEqualTo(ImageFixture.level(13, 1) / 255.0);
        assertThat(ImageFixture.source("mnist", data(), "\"limit\": 1000").size()).isEqualTo(50);
        assertThat(ImageFixture.source("mnist", data(), "\"limit\": 4").labels()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void batchesDrawOnlyKeptImagesUniformly() throws Exception {
        LabelledData some = ImageFixture.source("mnist", data(), "\"digits\": [2, 5]");
        Set<Integer> kept = Set.of(2, 5, 12, 15, 22, 25, 32, 35, 42, 45);
        int[] counts = new int[50];
        INDArray b = some.batch(5000, new Rng(4), DataType.DOUBLE);
        assertThat(b.shape()).containsExactly(5000, 1, 28, 28);
        for (int i = 0; i < 5000; i++) {
            int image = identify(b.getDouble(i, 0, 0, 1), b.getDouble(i, 0, 0, 2));
            assertThat(kept).contains(image);
            counts[image]++;
        }
        // 10 images with 500 expected draws each: a chi-square of 9 degrees of freedom, 27.9 is its 0.999 quantile
        double chi2 = 0;
        for (int image : kept) {
            chi2 += Math.pow(counts[image] - 500, 2) / 500;
        }
        assertThat(chi2).isLessThan(27.9);
    }

    /** The image whose pixels 1 and 2 have these unit values. */
    private static int identify(double p1, double p2) {
        for (int i = 0; i < 50; i++) {
            if (Math.abs(p1 - ImageFixture.level(i, 1) / 255.0) < 1e-12 && Math.abs(p2 - ImageFixture.level(i, 2) / 255.0) < 1e-12) {
                return i;
            }
        }
        throw new AssertionError("no image has pixels " + p1 + ", " + p2);
    }

    @Test
    void aFixedGeneratorGivesTheSameBatchNoiseIncluded() throws Exception {
        LabelledData src = ImageFixture.source("mnist", data(), "\"dequantize\": \"gaussian\", \"noiseStd\": 0.01");
        Rng a = new Rng(11);
        Rng b = Rng.fromState(a.state());
        INDArray x = src.batch(64, a, DataType.FLOAT);
        assertThat(src.batch(64, b, DataType.FLOAT)).isEqualTo(x);
        assertThat(a.state()).containsExactly(b.state());
        assertThat(src.batch(64, a, DataType.FLOAT)).isNotEqualTo(x);
        LabelledData uniform = ImageFixture.source("mnist", data(), "\"dequantize\": \"uniform\"");
        assertThat(uniform.batch(64, new Rng(3), DataType.DOUBLE)).isEqualTo(uniform.batch(64, new Rng(3), DataType.DOUBLE));
        assertThat(src.batch(0, new Rng(1), DataType.FLOAT).shape()).containsExactly(0, 1, 28, 28);
    }

    @Test
    void sourcesOverOneFileShareItsBytes() throws Exception {
        Path f = data().resolve(ImageDatasets.TRAIN_IMAGES);
        var a = ImageFiles.load(f, null, -1, 28, 28);
        ImageFixture.source("mnist", data(), "\"digits\": [1]");
        assertThat(ImageFiles.load(f, null, -1, 28, 28).bytes()).isSameAs(a.bytes());
    }
}
