package dev.ebm.benchmarks;

import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The input gradient of cnn28's second convolution (32→64 channels, 3×3, stride 2, padding 1, 28×28 → 14×14: a
 * geometry with a remainder) with a constant weight, as in a sampler step: deconv2d (fast path) against conv2d_bp,
 * which computes the weight gradient too (reference).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0"})
public class ConvInputGradBench {
    @Param({"FAST", "REFERENCE"})
    public Path path;

    private INDArray x;
    private INDArray w;
    private INDArray up;
    private GradMode.Scope scope;

    @Setup(Level.Trial)
    public void setUp() {
        x = Nd4j.randn(DataType.FLOAT, 64, 32, 28, 28);
        w = Nd4j.randn(DataType.FLOAT, 64, 32, 3, 3).muli(0.05);
        up = Nd4j.randn(DataType.FLOAT, 64, 64, 14, 14);
        scope = path.open();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public double inputGradient() {
        try (MemoryWorkspace ws = Scratch.open("conv")) {
            Tensor xt = Tensor.variable(x);
            Tensor y = xt.conv2d(Tensor.constant(w), 2, 1);
            return Autodiff.grad(y, Tensor.constant(up), java.util.List.of(xt), false).get(0).value().getDouble(0);
        }
    }
}
