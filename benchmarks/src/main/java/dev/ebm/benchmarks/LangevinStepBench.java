package dev.ebm.benchmarks;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.autodiff.GradMode;
import dev.ebm.energies.Mlp;
import dev.ebm.energies.spec.MlpSpec;
import dev.ebm.samplers.kernel.LangevinKernel;
import dev.ebm.samplers.spec.LangevinSpec;
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
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Langevin step of mlp2d (MLP 2-128-128-1 swish, 256 chains, x ← x − 0.01·∇E + 0.1·ξ): the move and one
 * evaluation of E and ∇ₓE at the new point, the work of {@code bin/ebm bench}'s Langevin step without its state
 * copies. Fast paths against the reference ops.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0"})
public class LangevinStepBench {
    @Param({"256"})
    public int batch;

    @Param({"FAST", "REFERENCE"})
    public Path path;

    private LangevinKernel kernel;
    private Target target;
    private ChainState state;
    private Rng rng;
    private GradMode.Scope scope;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Mlp energy = new Mlp(new MlpSpec(List.of(128, 128), "swish", null, null), 2, DataType.FLOAT, new Rng(0));
        kernel = new LangevinKernel(new LangevinSpec(20, null, 0.01, 0.1, null, null));
        target = Target.of(energy);
        rng = new Rng(1);
        state = kernel.init(target, Nd4j.rand(DataType.FLOAT, batch, 2));
        scope = path.open();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public double step() {
        try (MemoryWorkspace ws = Scratch.open("langevin")) {
            // the same state every time: the chain does not drift away over the measurement
            return kernel.step(target, state, rng).state().energy().getDouble(0);
        }
    }
}
