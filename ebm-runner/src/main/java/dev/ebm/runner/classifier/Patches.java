package dev.ebm.runner.classifier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The k×k patches (k odd) a convolution with stride 2 and zero padding ⌊k/2⌋ reads (im2col): for images
 * [n, C, H, W] a matrix [n·oh·ow, C·k²] with oh = ⌊(H − 1)/2⌋ + 1 (likewise ow), row (i·oh + y)·ow + x holding the
 * patch centred at pixel (2y, 2x) of image i, column (c·k + dy)·k + dx. Multiplying it by a weight [C·k², K] is
 * that convolution to K channels (outputs in NHWC order). The images are data, never differentiated, so this is a
 * plain copy loop.
 */
final class Patches {
    private Patches() {}

    static long outSize(long h) {
        return (h - 1) / 2 + 1;
    }

    /** The patch matrix of images given as a flat float array of {@code n} images of {@code shape}. */
    static INDArray of(float[] images, int n, long[] shape, int k) {
        int c = (int) shape[0];
        int h = (int) shape[1];
        int w = (int) shape[2];
        int oh = (int) outSize(h);
        int ow = (int) outSize(w);
        int kk = k * k;
        int half = k / 2;
        int cols = c * kk;
        float[] out = new float[n * oh * ow * cols];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                int img = (i * c + ch) * h * w;
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) {
                        int row = ((i * oh + y) * ow + x) * cols + ch * kk;
                        for (int dy = 0; dy < k; dy++) {
                            int py = 2 * y + dy - half;
                            if (py < 0 || py >= h) {
                                continue;
                            }
                            for (int dx = 0; dx < k; dx++) {
                                int px = 2 * x + dx - half;
                                if (px >= 0 && px < w) {
                                    out[row + dy * k + dx] = images[img + py * w + px];
                                }
                            }
                        }
                    }
                }
            }
        }
        return Nd4j.createFromArray(out).reshape((long) n * oh * ow, cols).castTo(DataType.FLOAT);
    }
}
