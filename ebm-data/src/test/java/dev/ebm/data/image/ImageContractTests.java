package dev.ebm.data.image;

import dev.ebm.api.DataSource;
import dev.ebm.testkit.DataSourceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** The testkit's data-source contract, labelled-data checks included, applied to the IDX image sources. */
class ImageContractTests {
    private static Path dir;

    static synchronized Path data() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("ebm-image-contract");
                dir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ImageFixture.write(dir, 40, 20, false);
        }
        return dir;
    }

    @Nested
    class Mnist extends DataSourceContract {
        @Override
        protected DataSource source() {
            try {
                return ImageFixture.source("mnist", data(), "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    class FashionMnistDequantized extends DataSourceContract {
        @Override
        protected DataSource source() {
            try {
                return ImageFixture.source("fashion-mnist", data(), "\"dequantize\": \"uniform\", \"split\": \"test\"");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    class MnistSymmetricGaussianDequantized extends DataSourceContract {
        @Override
        protected DataSource source() {
            try {
                return ImageFixture.source("mnist", data(), "\"dequantize\": \"gaussian\", \"noiseStd\": 0.01, "
                        + "\"scale\": \"symmetric\"");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
