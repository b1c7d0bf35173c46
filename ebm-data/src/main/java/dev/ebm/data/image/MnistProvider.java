package dev.ebm.data.image;

import dev.ebm.api.dataset.Dataset;
import dev.ebm.data.spec.MnistSpec;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Provides the {@code mnist} data source ({@link MnistSpec}); fetch the data set with {@code bin/ebm data fetch mnist}.
 */
public final class MnistProvider extends IdxImageProvider {
    @Override
    public String type() {
        return "mnist";
    }

    @Override
    public Class<MnistSpec> specType() {
        return MnistSpec.class;
    }

    @Override
    Dataset dataset() {
        return ImageDatasets.MNIST;
    }

    @Override
    List<String> classNames() {
        return IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    }

    @Override
    public String description() {
        return "MNIST handwritten digits, 28×28 (split, scale, dequantize, digits, limit)";
    }
}
