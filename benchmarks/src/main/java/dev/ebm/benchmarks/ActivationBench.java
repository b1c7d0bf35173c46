package dev.ebm.benchmarks;

import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Nonlinearity;
import dev.ebm.autodiff.Tensor;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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

/**
 * The bias-add + swish op of a dense layer ([256, 128], mlp2d's hidden layer) and swish on cnn28's first
 * activation ([64, 32, 28, 28]): forward alone, and forward plus the input gradient (one backward pass), fused
 * kernels against the reference ND4J ops.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0"})
public class ActivationBench {
    @Param({"256x128", "64x32x28x28"})
    public String shape;

    @Param({"FAST", "REFERENCE"})
    public Path path;

    private INDArray x;
    private INDArray bias;
    private GradMode.Scope scope;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        long[] s = java.util.Arrays.stream(shape.split("x")).mapToLong(Long::parseLong).toArray();
        x = Nd4j.randn(DataType.FLOAT, s);
        bias = Nd4j.randn(DataType.FLOAT, 1, s[1]);
        scope = path.open();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public double forward() {
        try (MemoryWorkspace ws = Scratch.open("activation"); GradMode.Scope off = GradMode.off()) {
            return act(Tensor.constant(x)).value().getDouble(0);
        }
    }

    @Benchmark
    public double forwardAndInputGradient() {
        try (MemoryWorkspace ws = Scratch.open("activation")) {
            Tensor xt = Tensor.variable(x);
            Tensor y = act(xt);
            return Autodiff.grad(y, Tensor.constant(Nd4j.onesLike(x)), java.util.List.of(xt), false).get(0)
                    .value().getDouble(0);
        }
    }

    private Tensor act(Tensor xt) {
        return x.rank() == 2 ? xt.addBiasThen(Tensor.constant(bias), Nonlinearity.SWISH) : xt.swish();
    }
}
