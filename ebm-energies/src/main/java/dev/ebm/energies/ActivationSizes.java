package dev.ebm.energies;

import dev.ebm.api.spec.SpecException;
import dev.ebm.energies.spec.CnnSpec;
import java.util.List;

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
     * output height × width, with each convolution's own kernel, stride and padding mode ({@link ConvLayer#plan});
     * 0 when the sample shape is not an image or a kernel does not fit (building the energy reports that).
     */
    static long cnnUnits(CnnSpec spec, long[] shape) {
        if (shape == null || shape.length != 3) {
            return 0;
        }
        List<ConvLayer> layers;
        try {
            layers = ConvLayer.plan(spec, shape);
        } catch (SpecException e) {
            return 0;
        }
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            total += spec.channels().get(i) * layers.get(i).outH() * layers.get(i).outW();
        }
        return total;
    }
}
