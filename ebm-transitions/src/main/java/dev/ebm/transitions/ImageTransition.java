package dev.ebm.transitions;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A transition of image batches {@code [N, C, H, W]} that acts on each image independently with probability
 * {@code p} ({@link Chosen}): the images are copied into one row-major double array, the chosen ones are
 * transformed in place by {@link #transform}, and a new array of the input's shape and data type is returned. The
 * input is never mutated. The generator is used in this order: the choice of images, then whatever
 * {@link #transform} draws.
 */
public abstract class ImageTransition implements Transition {
    private final String name;
    private final double p;

    protected ImageTransition(String name, double p) {
        this.name = name;
        this.p = p;
    }

    @Override
    public final INDArray apply(INDArray x, Rng rng) {
        Images.requireImages(name, x);
        int n = (int) x.size(0);
        int[] chosen = Chosen.of(n, p, rng);
        if (chosen.length == 0) {
            return x.dup();
        }
        double[] v = Images.values(x);
        transform(v, chosen, (int) x.size(1), (int) x.size(2), (int) x.size(3), rng);
        return Images.array(v, x.shape(), x.dataType());
    }

    /**
     * Transforms the images {@code chosen} (increasing indices) of the batch {@code v} in place; image k, channel
     * ch, pixel (i, j) is {@code v[((k·c + ch)·h + i)·w + j]}.
     */
    protected abstract void transform(double[] v, int[] chosen, int c, int h, int w, Rng rng);
}
