package dev.ebm.data.image;

import dev.ebm.api.Box;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import dev.ebm.data.spec.SyntheticImagesSpec;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The {@code synthetic-images} data set ({@link SyntheticImagesSpec}): image i of a split has class i mod 10 and
 * is drawn by {@link Patterns} from stream i of the split's fixed generator, so the content never depends on the
 * run's seed. The images are rendered once, at construction, and kept in unit scale, outside any workspace.
 */
public final class SyntheticImages implements LabelledData {
    /** Images per split before the class filter and limit. */
    public static final int TRAIN_SIZE = 10_000;
    public static final int TEST_SIZE = 2_000;
    private static final long GENERATOR_SEED = 0x5EED_1A6E_5L;

    private final SyntheticImagesSpec spec;
    private final INDArray images;
    private final int[] labels;
    private final long[] shape;
    private final Box bounds;

    public SyntheticImages(SyntheticImagesSpec spec) {
        this.spec = spec;
        int size = spec.size();
        boolean test = "test".equals(spec.split());
        int total = test ? TEST_SIZE : TRAIN_SIZE;
        Rng stream = new Rng(GENERATOR_SEED).fork(test ? 1 : 0);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < total && (spec.limit() == null || kept.size() < spec.limit()); i++) {
            if (spec.digits() == null || spec.digits().contains(i % 10)) {
                kept.add(i);
            }
        }
        int pixels = size * size;
        float[] data = new float[kept.size() * pixels];
        this.labels = new int[kept.size()];
        for (int j = 0; j < kept.size(); j++) {
            int i = kept.get(j);
            labels[j] = i % 10;
            Patterns.render(i % 10, size, stream.fork(i), data, j * pixels);
        }
        this.shape = new long[] {1, size, size};
        try (var outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.images = Nd4j.createFromArray(data).reshape(kept.size(), 1, size, size);
        }
        boolean symmetric = "symmetric".equals(spec.scale());
        this.bounds = Box.uniform(pixels, symmetric ? -1 : 0, 1);
    }

    @Override
    public long[] sampleShape() {
        return shape.clone();
    }

    @Override
    public INDArray batch(int n, Rng rng, DataType dtype) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(labels.length);
        }
        long pixels = shape[1] * shape[2];
        INDArray x = images.reshape(labels.length, pixels).getRows(idx).castTo(dtype);
        if ("uniform".equals(spec.dequantize())) {
            x.addi(rng.uniform(dtype, n, pixels).muli(1.0 / 256));
        }
        x = scaled(x);
        if ("gaussian".equals(spec.dequantize())) {
            x.addi(rng.normal(dtype, n, pixels).muli(spec.noiseStd()));
        }
        return x.reshape(n, shape[0], shape[1], shape[2]);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public INDArray samples(int from, int to, DataType dtype) {
        if (from < 0 || to > labels.length || from > to) {
            throw new IndexOutOfBoundsException("samples [" + from + ", " + to + ") of " + labels.length);
        }
        return scaled(images.get(NDArrayIndex.interval(from, to)).castTo(dtype).dup());
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int classes() {
        return 10;
    }

    @Override
    public List<String> classNames() {
        return Patterns.NAMES;
    }

    @Override
    public Box bounds() {
        return bounds;
    }

    /** Unit-scale pixels to the spec's scale, in place. */
    private INDArray scaled(INDArray unit) {
        return "symmetric".equals(spec.scale()) ? unit.muli(2).subi(1) : unit;
    }
}
