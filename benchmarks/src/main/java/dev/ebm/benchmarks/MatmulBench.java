package dev.ebm.benchmarks;

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
 * The matrix products of an mlp2d step ([256, 128]·[128, 128], [256, 2]·[2, 128], [256, 128]·[128, 2]ᵀ-style):
 * one JNI call to OpenBLAS against libnd4j's matmul op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0"})
public class MatmulBench {
    @Param({"256x128x128", "256x2x128", "256x128x1", "4096x128x128"})
    public String mkn;

    @Param({"FAST", "REFERENCE"})
    public Path path;

    private INDArray a;
    private INDArray b;
    private GradMode.Scope scope;

    @Setup(Level.Trial)
    public void setUp() {
        long[] d = java.util.Arrays.stream(mkn.split("x")).mapToLong(Long::parseLong).toArray();
        a = Nd4j.rand(DataType.FLOAT, d[0], d[1]);
        b = Nd4j.rand(DataType.FLOAT, d[1], d[2]);
        scope = path.open();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public double matmul() {
        try (MemoryWorkspace ws = Scratch.open("matmul"); GradMode.Scope off = GradMode.off()) {
            return Tensor.constant(a).matmul(Tensor.constant(b)).value().getDouble(0);
        }
    }
}
