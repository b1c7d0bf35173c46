package dev.ebm.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ebm.api.dataset.DataCache;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.data.idx.IdxWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run is told when its data set is missing, damaged or inconsistent: one spec problem, with its path. */
class DataErrorsTest {
    @TempDir
    Path tmp;
    private String saved;

    @BeforeEach
    void pointTheCacheAtAnEmptyDirectory() {
        saved = System.getProperty(DataCache.PROPERTY);
        System.setProperty(DataCache.PROPERTY, tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(DataCache.PROPERTY);
        } else {
            System.setProperty(DataCache.PROPERTY, saved);
        }
    }

    private static SpecProblem problem(String json) {
        return catchThrowableOfType(SpecException.class, () -> ImageFixture.create(ImageFixture.spec(json)))
                .problems().get(0);
    }

    @Test
    void aMissingDataSetStopsTheRunWithTheCommandThatFetchesIt() {
        Path root = tmp.resolve("cache");
        assertThat(problem("{\"type\": \"mnist\"}")).isEqualTo(new SpecProblem("data.type", "'mnist' is not in the data "
                + "cache: " + root.resolve("mnist/train-images-idx3-ubyte") + " is missing (cache root " + root
                + ", system property ebm.data); fetch it first with: bin/ebm data fetch mnist"));
        assertThat(problem("{\"type\": \"fashion-mnist\", \"split\": \"test\"}").message())
                .contains(root.resolve("fashion-mnist/t10k-images-idx3-ubyte").toString())
                .endsWith("fetch it first with: bin/ebm data fetch fashion-mnist");
    }

    @Test
    void aCachedFileWithTheWrongChecksumIsRefusedNamingIt() {
        Path cached = ImageFixture.write(tmp.resolve("cache/mnist"), 20, 5, false);
        Path images = cached.resolve("train-images-idx3-ubyte");
        String sha = dev.ebm.data.idx.IdxReader.sha256(IdxWriter.images(20, ImageFixture::level));
        assertThat(problem("{\"type\": \"mnist\"}")).isEqualTo(new SpecProblem("data.type", images + ": SHA-256 "
                + "mismatch: expected ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db, found " + sha
                + " (15696 bytes decompressed, expected 47040016); the cached copy is damaged: fetch it again with: "
                + "bin/ebm data fetch mnist"));
    }

    @Test
    void aDirectoryThatIsMissingOrIncompleteIsNamed() {
        Path nowhere = tmp.resolve("nowhere");
        assertThat(problem("{\"type\": \"mnist\", \"dir\": \"" + nowhere + "\"}"))
                .isEqualTo(new SpecProblem("data.dir", "no directory " + nowhere));
        Path half = tmp.resolve("half");
        ImageFixture.write(half, ImageDatasets.TRAIN_IMAGES, IdxWriter.images(3, ImageFixture::level), false);
        assertThat(problem("{\"type\": \"mnist\", \"dir\": \"" + half + "\"}")).isEqualTo(new SpecProblem("data.dir",
                "neither train-labels-idx1-ubyte nor train-labels-idx1-ubyte.gz is in " + half));
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        Path d = tmp.resolve("mismatch");
        ImageFixture.write(d, ImageDatasets.TRAIN_IMAGES, IdxWriter.images(5, ImageFixture::level), false);
        ImageFixture.write(d, ImageDatasets.TRAIN_LABELS, IdxWriter.labels(1, 2, 3, 4), true);
        assertThat(problem("{\"type\": \"mnist\", \"dir\": \"" + d + "\"}")).isEqualTo(new SpecProblem("data.dir",
                d.resolve("train-labels-idx1-ubyte.gz") + ": image/label count mismatch: 4 labels, but "
                        + d.resolve("train-images-idx3-ubyte") + " has 5 images"));
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        Path d = tmp.resolve("labels");
        ImageFixture.write(d, ImageDatasets.TRAIN_IMAGES, IdxWriter.images(3, ImageFixture::level), false);
        ImageFixture.write(d, ImageDatasets.TRAIN_LABELS, IdxWriter.labels(1, 12, 3), false);
        assertThat(problem("{\"type\": \"mnist\", \"dir\": \"" + d + "\"}")).isEqualTo(new SpecProblem("data.dir",
                d.resolve("train-labels-idx1-ubyte") + ": label 12 at index 1 is not a class in [0, 10)"));
    }

    @Test
    void aBrokenFileInADirectoryIsNamedWithItsDefect() {
        Path d = ImageFixture.write(tmp.resolve("broken"), 4, 2, false);
        IdxWriter.write(d.resolve("t10k-images-idx3-ubyte"), IdxWriter.idx(new byte[2 * 32 * 32], 2, 32, 32));
        assertThat(problem("{\"type\": \"mnist\", \"split\": \"test\", \"dir\": \"" + d + "\"}")).isEqualTo(
                new SpecProblem("data.dir", d.resolve("t10k-images-idx3-ubyte") + ": wrong size: dimension 1 is 32, "
                        + "expected 28 (dimensions 2×32×32)"));
    }

    @Test
    void aClassFilterThatKeepsNothingIsRefused() {
        Path d = ImageFixture.write(tmp.resolve("few"), 5, 2, false);
        assertThat(problem("{\"type\": \"mnist\", \"digits\": [8, 9], \"dir\": \"" + d + "\"}")).isEqualTo(
                new SpecProblem("data.digits", "no image of classes [8, 9] in " + d.resolve("train-labels-idx1-ubyte")));
    }
}
