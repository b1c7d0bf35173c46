package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.DataSpec;
import java.util.List;

/**
 * Generated 1×size×size grey images of ten simple, clearly distinct pattern classes (ring, bars, diagonals, plus,
 * cross, square, disc, equals sign), each image with its own position, size, rotation, stroke width, intensity and
 * pixel noise, quantised to 256 grey levels like MNIST. The content depends only on {@code size} and
 * {@code split}: a fixed generator of its own, not the run's seed. Its fields mirror those of the {@code mnist}
 * source, so it can stand in for MNIST where no download is possible (tests, CI).
 *
 * @param size the image side in pixels (default 28, at least 8)
 * @param split {@code train} (default: 10,000 images) or {@code test} (2,000 images), drawn from different streams
 * @param scale {@code unit} (default: pixels in [0, 1]) or {@code symmetric} ([−1, 1])
 * @param dequantize noise added to training batches (never to {@code samples()}), as for {@code mnist}:
 *     {@code none} (default), {@code uniform} (U(0, 1)/256 added in the unit range before scaling: one grey level)
 *     or {@code gaussian} (N(0, noiseStd²) added after scaling)
 * @param noiseStd the standard deviation of {@code gaussian} dequantization in the scaled range; required with it
 * @param digits the classes kept (a class filter named as in {@code mnist}), each in [0, 9]; default all ten
 * @param limit keep only the first N images (after the class filter), or null for all
 */
public record SyntheticImagesSpec(Integer size, String split, String scale, String dequantize, Double noiseStd,
        List<Integer> digits, Integer limit) implements DataSpec {
    public SyntheticImagesSpec {
        Checks c = new Checks();
        size = c.positive("size", size, 28);
        c.check(size == null || size >= 8, "size", "must be >= 8 pixels, found " + size);
        split = ImageSpecChecks.split(c, split);
        scale = ImageSpecChecks.scale(c, scale);
        dequantize = ImageSpecChecks.dequantize(c, dequantize);
        noiseStd = ImageSpecChecks.noiseStd(c, dequantize, noiseStd);
        digits = ImageSpecChecks.digits(c, digits);
        limit = ImageSpecChecks.limit(c, limit);
        c.done();
    }
}
