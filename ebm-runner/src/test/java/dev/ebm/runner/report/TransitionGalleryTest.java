package dev.ebm.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The picture of what each transition does ({@code docs/transitions.png}). Run with
 * {@code -Debm.gallery=/path/to/docs/transitions.png} to write it there (from the MNIST test set when it is in
 * the data cache, {@code EBM_DATA} or {@code ~/.cache/ebm}); otherwise it is drawn from font digits into a
 * temporary directory and checked.
 */
class TransitionGalleryTest {
    static final List<String> SPECS = List.of(
            "{type: elastic, mode: smoothed, alpha: 34, sigma: 4}",
            "{type: elastic, mode: grid, std: 2, points: 3}",
            "{type: blur, sigma: [0.5, 1.5]}",
            "{type: crop-resize, scale: [0.6, 1]}",
            "{type: contrast, factor: [0.4, 1.6]}",
            "{type: brightness, factor: [0.4, 1.6]}",
            "{type: jitter, pixels: 3}",
            "{type: flip, p: 1}",
            "{type: noise, std: 0.15}");

    @Test
    void drawsEveryTransitionOnARowOfDigits(@TempDir Path tmp) {
        String target = System.getProperty("ebm.gallery");
        Path png = target == null ? tmp.resolve("transitions.png") : Path.of(target);
        INDArray digits = TransitionGallery.fontDigits(10);
        if (target != null) {
            String data = System.getenv("EBM_DATA");
            Path cache = data != null ? Path.of(data) : Path.of(System.getProperty("user.home"), ".cache", "ebm");
            Path idx = cache.resolve("mnist").resolve("t10k-images-idx3-ubyte");
            if (Files.isRegularFile(idx)) {
                digits = TransitionGallery.idxImages(idx, 10);
            }
        }
        BufferedImage img = TransitionGallery.write(digits, SPECS, png, 1);
        int cell = TransitionGallery.SIDE * TransitionGallery.ZOOM + TransitionGallery.GAP;
        assertThat(png).exists();
        assertThat(img.getWidth()).isEqualTo(TransitionGallery.LABEL + 10 * cell);
        assertThat(img.getHeight()).isEqualTo((SPECS.size() + 1) * cell + TransitionGallery.GAP);
        // every transition row differs from the row of originals somewhere
        for (int row = 1; row <= SPECS.size(); row++) {
            int differing = 0;
            for (int y = 0; y < cell - TransitionGallery.GAP; y++) {
                for (int x = TransitionGallery.LABEL; x < img.getWidth(); x++) {
                    differing += img.getRGB(x, TransitionGallery.GAP + y) != img.getRGB(x,
                            TransitionGallery.GAP + row * cell + y) ? 1 : 0;
                }
            }
            assertThat(differing).as(SPECS.get(row - 1)).isGreaterThan(100);
        }
    }
}
