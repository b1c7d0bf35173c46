package dev.ebm.transitions.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Random resized crop of images {@code [N, C, H, W]}, as torchvision's {@code RandomResizedCrop}: a window whose
 * area is a fraction of the image drawn uniformly from {@code scale} and whose aspect ratio (width / height) is
 * drawn log-uniformly from {@code ratio} is cut out at a uniformly drawn position and resized back to H × W by
 * bilinear interpolation (half-pixel centres, as PyTorch's {@code align_corners=False}).
 *
 * @param scale the range of the window's area as a fraction of the image's (default [0.08, 1.0], torchvision's);
 *     0 &lt; min &lt;= max &lt;= 1
 * @param ratio the range of the window's aspect ratio width / height (default [3/4, 4/3], torchvision's);
 *     0 &lt; min &lt;= max
 * @param p the probability that an image is cropped (default 1)
 */
public record CropResizeSpec(List<Double> scale, List<Double> ratio, Double p) implements TransitionSpec {
    public static final List<Double> DEFAULT_SCALE = List.of(0.08, 1.0);
    public static final List<Double> DEFAULT_RATIO = List.of(3.0 / 4.0, 4.0 / 3.0);

    public CropResizeSpec {
        Checks c = new Checks();
        scale = Ranges.check(c, "scale", scale, DEFAULT_SCALE, 0, true, 1);
        ratio = Ranges.check(c, "ratio", ratio, DEFAULT_RATIO, 0, true, Double.POSITIVE_INFINITY);
        p = c.probability("p", p, 1.0);
        c.done();
    }
}
