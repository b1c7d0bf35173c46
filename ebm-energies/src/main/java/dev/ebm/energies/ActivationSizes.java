package dev.ebm.energies;

import dev.ebm.energies.spec.CnnSpec;

/** Sizes of the networks' activations, for the providers' memory estimates. */
final class ActivationSizes {
    /**
     * Copies of each activation a training step keeps, roughly: the forward value, the pre-activation, and their
     * gradients on the tape (second-order terms add a few more for a short time).
     */
    static final int TAPE_COPIES = 4;

    private ActivationSizes() {}

    /**
     * Activations per image of a CNN on images {@code [C, H, W]}: the sum over the convolutions of channels × the
     * output height × width; 0 when the sample shape is not an image.
     */
    static long cnnUnits(CnnSpec spec, long[] shape) {
        if (shape.length != 3) {
            return 0;
        }
        long h = shape[1];
        long w = shape[2];
        long total = 0;
        for (int i = 0; i < spec.channels().size(); i++) {
            int s = spec.strides().get(i);
            h = Math.max(1, (h + 2L * spec.padding() - spec.kernel()) / s + 1);
            w = Math.max(1, (w + 2L * spec.padding() - spec.kernel()) / s + 1);
            total += spec.channels().get(i) * h * w;
        }
        return total;
    }
}
