package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import java.util.List;

/**
 * The {@code fashion-mnist} data source: Fashion-MNIST (Zalando) clothing images, 28×28 grey levels, 10 classes,
 * sample shape {@code [1, 28, 28]}. The fields are those of {@link ImageDataSpec} ({@code digits} filters classes
 * by number: 0 T-shirt/top … 9 ankle boot); absent ones default to {@code split: train}, {@code scale: unit},
 * {@code dequantize: none}, every class, no limit, the data cache.
 */
public record FashionMnistSpec(String split, String scale, String dequantize, Double noiseStd, List<Integer> digits,
        Integer limit, String dir) implements ImageDataSpec {
    public FashionMnistSpec {
        Checks c = new Checks();
        split = ImageSpecChecks.split(c, split);
        scale = ImageSpecChecks.scale(c, scale);
        dequantize = ImageSpecChecks.dequantize(c, dequantize);
        noiseStd = ImageSpecChecks.noiseStd(c, dequantize, noiseStd);
        digits = ImageSpecChecks.digits(c, digits);
        limit = ImageSpecChecks.limit(c, limit);
        dir = ImageSpecChecks.dir(c, dir);
        c.done();
    }
}
