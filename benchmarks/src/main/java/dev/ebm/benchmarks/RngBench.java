package dev.ebm.benchmarks;

import dev.ebm.api.Rng;
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
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a normal draw costs: re-seeding ND4J's native generator (Rng does it for every draw, so that a draw
 * depends only on the generator's key and counter), the draw itself, and {@link Rng#normal(DataType, double, long...)}
 * (seed + draw with its standard deviation in one op) against the former seed + randn + scale.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0"})
public class RngBench {
    @Param({"512", "50176"})
    public int n;

    private Rng rng;

    @Setup(Level.Trial)
    public void setUp() {
        rng = new Rng(3);
    }

    @Benchmark
    public void reseedOnly() {
        Nd4j.getRandom().setSeed(rng.nextLong());
    }

    @Benchmark
    public double randnOnly() {
        try (MemoryWorkspace ws = Scratch.open("rng")) {
            return Nd4j.randn(DataType.FLOAT, n).getDouble(0);
        }
    }

    @Benchmark
    public double rngNormalWithStd() {
        try (MemoryWorkspace ws = Scratch.open("rng")) {
            return rng.normal(DataType.FLOAT, 0.1, n).getDouble(0);
        }
    }

    @Benchmark
    public double seedRandnScale() {
        try (MemoryWorkspace ws = Scratch.open("rng")) {
            return rng.normal(DataType.FLOAT, n).muli(0.1).getDouble(0);
        }
    }
}
