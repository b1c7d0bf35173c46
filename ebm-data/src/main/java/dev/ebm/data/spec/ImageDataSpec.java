package dev.ebm.data.spec;

import dev.ebm.api.spec.DataSpec;
import java.util.List;

/**
 * The fields shared by the 28×28 grey-level image data sets ({@code mnist}, {@code fashion-mnist}); every record
 * implementing it validates them with {@link ImageSpecChecks}.
 */
public interface ImageDataSpec extends DataSpec {
    /** The splits. */
    List<String> SPLITS = List.of("train", "test");
    /** The value ranges: [0, 1] or [−1, 1]. */
    List<String> SCALES = List.of("unit", "symmetric");
    /** The dequantization noises. */
    List<String> DEQUANTIZE = List.of("none", "uniform", "gaussian");

    /** {@code train} (60,000 images) or {@code test} (10,000). */
    String split();

    /** {@code unit}: grey level g maps to g/255 in [0, 1]; {@code symmetric}: to 2g/255 − 1 in [−1, 1]. */
    String scale();

    /**
     * Noise added to every training batch: {@code none}; {@code uniform}: U(0, 1)/256 added in the unit range before
     * scaling (one grey level of noise; twice that width in the symmetric range); {@code gaussian}: N(0, noiseStd²)
     * added after scaling.
     */
    String dequantize();

    /** The std of the Gaussian dequantization, in the scaled range; only with {@code dequantize: gaussian}. */
    Double noiseStd();

    /** Keep only the images of these classes (0–9), or all when null. Labels keep their original numbers. */
    List<Integer> digits();

    /** Keep the first N images (after the class filter), or all when null. */
    Integer limit();

    /** Read the IDX files from this directory instead of the data cache, or null for the cache. */
    String dir();
}
