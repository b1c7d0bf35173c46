package dev.ebm.benchmarks;

import dev.ebm.autodiff.ArrayKernels;
import dev.ebm.autodiff.GradMode;
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
 * The one-pass array kernels against their ND4J op chains: the Langevin move on mlp2d's and cnn28's chains and an
 * Adam update of mlp2d's hidden weight [128, 128].
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0"})
public class ArrayKernelsBench {
    @Param({"512", "50176"})
    public int n;

    @Param({"FAST", "REFERENCE"})
    public Path path;

    private INDArray x;
    private INDArray g;
    private INDArray xi;
    private INDArray p;
    private INDArray m;
    private INDArray v;
    private INDArray grad;
    private GradMode.Scope scope;

    @Setup(Level.Trial)
    public void setUp() {
        x = Nd4j.rand(DataType.FLOAT, n);
        g = Nd4j.rand(DataType.FLOAT, n);
        xi = Nd4j.rand(DataType.FLOAT, n);
        p = Nd4j.rand(DataType.FLOAT, 128, 128);
        m = Nd4j.zeros(DataType.FLOAT, 128, 128);
        v = Nd4j.zeros(DataType.FLOAT, 128, 128);
        grad = Nd4j.rand(DataType.FLOAT, 128, 128).muli(1e-3);
        scope = path.open();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public double langevinMove() {
        try (MemoryWorkspace ws = Scratch.open("kernels")) {
            return ArrayKernels.linear(1.0, x, -0.01, g, xi).getDouble(0);
        }
    }

    @Benchmark
    public void adam() {
        try (MemoryWorkspace ws = Scratch.open("kernels")) {
            ArrayKernels.adam(p, grad, m, v, 1.0, 0.0, 0.999, 1e-3, 1e-8);
        }
    }
}
