package dev.ebm.data.image;

import dev.ebm.api.Box;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import dev.ebm.data.idx.IdxArray;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 28×28 grey-level image data set (MNIST, Fashion-MNIST) over IDX bytes shared by every source of the process:
 * the source itself holds only the indices of its images (after the class filter and limit).
 *
 * <p>Grey level g becomes g/255 ({@code unit}) or 2g/255 − 1 ({@code symmetric}). {@link #batch} draws n images
 * uniformly with replacement using {@code rng.nextInt} (n draws), then, when dequantizing, one noise array from the
 * same generator: {@code uniform} adds w·U(0, 1)/256 per pixel (w = 1 unit, 2 symmetric: one grey level of the unit
 * range, scaled), so the mean rises by w·0.5/256 and the variance by w²/(12·256²); {@code gaussian} adds N(0,
 * noiseStd²). A fixed generator state gives the same batch. {@link #samples} is never dequantized.
 */
final class IdxImageSource implements LabelledData {
    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;

    enum Dequantize { NONE, UNIFORM, GAUSSIAN }

    private final IdxArray images;
    private final IdxArray labels;
    private final int[] rows;
    private final boolean symmetric;
    private final Dequantize dequantize;
    private final double noiseStd;
    private final List<String> classNames;
    private final double[] level = new double[256];

    /**
     * @param rows the indices into {@code images} of this source's images, in order (owned by the source)
     */
    IdxImageSource(IdxArray images, IdxArray labels, int[] rows, boolean symmetric, Dequantize dequantize,
            double noiseStd, List<String> classNames) {
        this.images = images;
        this.labels = labels;
        this.rows = rows;
        this.symmetric = symmetric;
        this.dequantize = dequantize;
        this.noiseStd = noiseStd;
        this.classNames = List.copyOf(classNames);
        for (int g = 0; g < 256; g++) {
            level[g] = symmetric ? 2.0 * g / 255 - 1 : g / 255.0;
        }
    }

    @Override
    public long[] sampleShape() {
        return new long[] {1, SIDE, SIDE};
    }

    @Override
    public INDArray batch(int n, Rng rng, DataType dtype) {
        if (n < 0) {
            throw new IllegalArgumentException("batch size must be >= 0, found " + n);
        }
        int[] pick = new int[n];
        for (int i = 0; i < n; i++) {
            pick[i] = rows[rng.nextInt(rows.length)];
        }
        INDArray x = gather(pick, dtype);
        if (n > 0 && dequantize == Dequantize.UNIFORM) {
            x.addi(rng.uniform(dtype, x.shape()).muli((symmetric ? 2.0 : 1.0) / 256));
        } else if (n > 0 && dequantize == Dequantize.GAUSSIAN) {
            x.addi(rng.normal(dtype, x.shape()).muli(noiseStd));
        }
        return x;
    }

    /**
     * The scaled range, widened by what dequantization adds: w/256 above for {@code uniform}, 4·noiseStd on both
     * sides for {@code gaussian} (so that the box holds the dequantized values too, as the data-source contract asks).
     */
    @Override
    public Box bounds() {
        double low = symmetric ? -1 : 0;
        double high = 1;
        if (dequantize == Dequantize.UNIFORM) {
            high += (symmetric ? 2.0 : 1.0) / 256;
        } else if (dequantize == Dequantize.GAUSSIAN) {
            low -= 4 * noiseStd;
            high += 4 * noiseStd;
        }
        return Box.uniform(PIXELS, low, high);
    }

    @Override
    public int size() {
        return rows.length;
    }

    @Override
    public INDArray samples(int from, int to, DataType dtype) {
        if (from < 0 || to < from || to > rows.length) {
            throw new IndexOutOfBoundsException("samples [" + from + ", " + to + ") of " + rows.length);
        }
        return gather(java.util.Arrays.copyOfRange(rows, from, to), dtype);
    }

    @Override
    public int[] labels() {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels.get(rows[i], 0);
        }
        return out;
    }

    @Override
    public int classes() {
        return classNames.size();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    /** Images {@code [pick.length, 1, 28, 28]}, scaled, in a fresh array (filled through its native buffer). */
    private INDArray gather(int[] pick, DataType dtype) {
        long[] shape = {pick.length, 1, SIDE, SIDE};
        if (pick.length == 0) {
            return Nd4j.create(dtype, shape);
        }
        byte[] b = images.bytes();
        int base = images.offset();
        if (dtype == DataType.DOUBLE) {
            double[] out = new double[pick.length * PIXELS];
            for (int i = 0; i < pick.length; i++) {
                int src = base + pick[i] * PIXELS;
                for (int j = 0; j < PIXELS; j++) {
                    out[i * PIXELS + j] = level[b[src + j] & 0xFF];
                }
            }
            INDArray x = Nd4j.createUninitialized(DataType.DOUBLE, shape);
            x.data().asNioDouble().put(out);
            return x;
        }
        float[] out = new float[pick.length * PIXELS];
        for (int i = 0; i < pick.length; i++) {
            int src = base + pick[i] * PIXELS;
            for (int j = 0; j < PIXELS; j++) {
                out[i * PIXELS + j] = (float) level[b[src + j] & 0xFF];
            }
        }
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, shape);
        x.data().asNioFloat().put(out);
        return dtype == DataType.FLOAT ? x : x.castTo(dtype);
    }
}
