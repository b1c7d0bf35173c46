package dev.ebm.runner.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.autodiff.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PatchesTest {

    @Test
    void patchesTimesTheFlattenedKernelIsTheStrideTwoConvolution() {
        for (long[] shape : new long[][] {{1, 28, 28}, {2, 9, 7}}) {
          for (int k : new int[] {3, 5}) {
            int n = 3;
            INDArray x = Nd4j.rand(DataType.DOUBLE, n, shape[0], shape[1], shape[2]);
            INDArray kernel = Nd4j.randn(DataType.DOUBLE, 5, shape[0], k, k);
            INDArray conv = Tensor.constant(x).conv2d(Tensor.constant(kernel), 2, k / 2).value(); // [n, 5, oh, ow]
            INDArray p = Patches.of(x.castTo(DataType.FLOAT).dup('c').data().asFloat(), n, shape, k)
                    .castTo(DataType.DOUBLE);
            // [C·k², 5], row (c·k + dy)·k + dx
            INDArray flatKernel = kernel.reshape(5, shape[0] * k * k).transpose();
            long oh = Patches.outSize(shape[1]);
            long ow = Patches.outSize(shape[2]);
            assertThat(conv.shape()).containsExactly(n, 5, oh, ow);
            INDArray viaPatches = p.mmul(flatKernel).reshape(n, oh, ow, 5).permute(0, 3, 1, 2);
            assertThat(viaPatches.sub(conv).amaxNumber().doubleValue())
                    .as(java.util.Arrays.toString(shape) + " k " + k).isLessThan(1e-5);
          }
        }
    }
}
