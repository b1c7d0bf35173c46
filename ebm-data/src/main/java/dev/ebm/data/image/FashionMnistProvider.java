package dev.ebm.data.image;

import dev.ebm.api.dataset.Dataset;
import dev.ebm.data.spec.FashionMnistSpec;
import java.util.List;

/**
 * Provides the {@code fashion-mnist} data source ({@link FashionMnistSpec}); fetch the data set with
 * {@code bin/ebm data fetch fashion-mnist}.
 */
public final class FashionMnistProvider extends IdxImageProvider {
    @Override
    public String type() {
        return "fashion-mnist";
    }

    @Override
    public Class<FashionMnistSpec> specType() {
        return FashionMnistSpec.class;
    }

    @Override
    Dataset dataset() {
        return ImageDatasets.FASHION_MNIST;
    }

    @Override
    List<String> classNames() {
        return ImageDatasets.FASHION_CLASSES;
    }

    @Override
    public String description() {
        return "Fashion-MNIST clothing images, 28×28 (split, scale, dequantize, digits, limit)";
    }
}
