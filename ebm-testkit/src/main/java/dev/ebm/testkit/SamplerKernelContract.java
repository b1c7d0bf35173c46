package dev.ebm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ebm.api.ChainState;
import dev.ebm.api.DifferentiableKernel;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.api.traits.KernelTraits;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every {@link SamplerKernel} must meet. Extend it in your plugin's tests and supply the kernel:
 *
 * <pre>{@code
 * class MyKernelContractTest extends SamplerKernelContract {
 *     protected SamplerKernel kernel() { return new MyKernel(...); }
 *     protected boolean metropolisAdjusted() { return true; }
 * }
 * }</pre>
 *
 * <p>It checks shapes and data types, that inputs are neither mutated nor retained, determinism for a fixed
 * {@link Rng}, and correctness in distribution on Gaussian targets with {@value #DEFAULT_CHAINS} independent
 * chains: a Metropolis-adjusted kernel must leave N(μ, diag σ²) exactly invariant (one-sample Kolmogorov–Smirnov
 * test per coordinate, p above {@link #significance()}); every kernel must settle on the standard normal at the
 * variance it declares ({@link #stationaryVariance()}: 1 when adjusted, its bias when not); and an adjusted kernel
 * with a step-size factory must accept less as its step grows. A negative control proves the stationarity check
 * has power: the same check on the kernel made deliberately wrong (a shift after every step) must fail. Given the
 * provider's declared {@link KernelTraits} ({@link #declaredTraits()}), the contract checks them against the kernel
 * and tests exact invariance at the declared temperature. The kernel should be configured for targets of unit
 * scale. Statistics are printed to standard output.
 */
public abstract class SamplerKernelContract {
    /** Chains in the distribution tests. */
    public static final int DEFAULT_CHAINS = 20_000;

    /** The kernel under test, configured for targets of unit scale. */
    protected abstract SamplerKernel kernel();

    /** True when the kernel has a Metropolis–Hastings test, so that it leaves its target exactly invariant. */
    protected abstract boolean metropolisAdjusted();

    /**
     * The variance the chains of {@link #kernel()} settle at, per coordinate, on E(x) = ‖x‖²/2: exactly 1 for a
     * Metropolis-adjusted kernel; an unadjusted kernel declares its bias (Langevin in the epsilon form:
     * 1/(1 − ε²/4); noise-free descent: 0, its chains collapse to the mode).
     */
    protected double stationaryVariance() {
        if (metropolisAdjusted()) {
            return 1.0;
        }
        throw new UnsupportedOperationException(getClass().getName()
                + " must declare the stationary variance of its unadjusted kernel on a standard normal");
    }

    /** The kernel at step size h (in the kernel's own units), or null if it has no step size to vary. */
    protected SamplerKernel kernelWithStepSize(double h) {
        return null;
    }

    /** Step sizes, increasing, over which an adjusted kernel's acceptance must fall. */
    protected double[] stepSizeGrid() {
        return new double[] {0.05, 0.2, 0.5, 1.0, 2.0};
    }

    /** False for kernels that draw no randomness (noise-free descent). */
    protected boolean stochastic() {
        return true;
    }

    /** Chains in the distribution tests (at least {@value #DEFAULT_CHAINS} to give the tests power). */
    protected int chains() {
        return DEFAULT_CHAINS;
    }

    /** Steps of the exact-stationarity test. */
    protected int stationarySteps() {
        return 10;
    }

    /** Steps for chains started at N(0, 1) to settle at the declared variance. */
    protected int settleSteps() {
        return 100;
    }

    /** The p-value below which a distribution test fails. */
    protected double significance() {
        return 1e-3;
    }

    /** The seed of every test's generator. */
    protected long seed() {
        return 20_240_611L;
    }

    /** The anisotropic, shifted Gaussian of the exact-stationarity test. */
    protected DiagonalGaussian stationarityTarget() {
        return new DiagonalGaussian(new double[] {0.5, -1.0}, new double[] {1.0, 0.6}, 2);
    }

    /**
     * The state the exact-stationarity test starts from, with its {@code n} visible chains at exact draws of
     * {@code g}. The default is the kernel's init at {@code g.sample(rng, n, DOUBLE)}. A kernel whose state holds
     * more than the visible chains (replica exchange keeps replicas at other temperatures) overrides this to start
     * all of it in its stationary distribution: only then is the visible marginal exactly invariant, since the
     * hidden part feeds into the visible chains.
     */
    protected ChainState stationaryStart(SamplerKernel kernel, Target target, DiagonalGaussian g, Rng rng, int n) {
        return kernel.init(target, g.sample(rng, n, DataType.DOUBLE));
    }

    private String name() {
        return getClass().getSimpleName();
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    @Test
    public void initAndStepKeepShapesAndDataTypes() {
        Object[][] cases = {{DataType.DOUBLE, new long[] {2}}, {DataType.FLOAT, new long[] {2}},
            {DataType.FLOAT, new long[] {1, 2, 3}}};
        SamplerKernel kernel = kernel();
        for (Object[] c : cases) {
            DataType dtype = (DataType) c[0];
            long[] sampleShape = (long[]) c[1];
            int dim = (int) Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
            DiagonalGaussian g = new DiagonalGaussian(new double[dim], filled(dim, 1.0), sampleShape);
            Rng rng = new Rng(seed());
            int n = 16;
            INDArray x0 = g.sample(rng, n, dtype);
            Target target = Target.of(g);
            ChainState s = kernel.init(target, x0);
            checkState(s, x0.shape(), dtype, "init " + dtype + " " + Arrays.toString(x0.shape()));
            for (int t = 0; t < 2; t++) {
                SamplerKernel.Step step = kernel.step(target, s, rng);
                s = step.state();
                checkState(s, x0.shape(), dtype, "step " + dtype + " " + Arrays.toString(x0.shape()));
                checkInfo(step.info(), n);
            }
        }
    }

    private static void checkState(ChainState s, long[] shape, DataType dtype, String what) {
        long n = shape[0];
        assertThat(s.x().shape()).as(what + ": x shape").containsExactly(shape);
        assertThat(s.grad().shape()).as(what + ": grad shape").containsExactly(shape);
        assertThat(s.energy().shape()).as(what + ": energy shape").containsExactly(n);
        assertThat(s.x().dataType()).as(what + ": x dtype").isEqualTo(dtype);
        assertThat(s.grad().dataType()).as(what + ": grad dtype").isEqualTo(dtype);
        assertThat(s.energy().dataType()).as(what + ": energy dtype").isEqualTo(dtype);
        assertThat(s.chains()).isEqualTo(n);
    }

    private void checkInfo(StepInfo info, int n) {
        assertThat(info).as("step info").isNotNull();
        if (!metropolisAdjusted()) {
            return;
        }
        assertThat(info.acceptProb()).as("acceptProb of an adjusted kernel").isNotNull();
        assertThat(info.accepted()).as("accepted of an adjusted kernel").isNotNull();
        assertThat(info.acceptProb().shape()).as("acceptProb shape").containsExactly(n);
        assertThat(info.accepted().shape()).as("accepted shape").containsExactly(n);
        for (double p : doubles(info.acceptProb())) {
            assertThat(p).as("acceptance probability").isBetween(0.0, 1.0);
        }
        for (double a : doubles(info.accepted())) {
            assertThat(a).as("accepted").isIn(0.0, 1.0);
        }
    }

    @Test
    public void initAndStepNeitherMutateNorRetainTheirInputs() {
        SamplerKernel kernel = kernel();
        DiagonalGaussian g = stationarityTarget();
        Rng rng = new Rng(seed());
        INDArray x0 = g.sample(rng, 64, DataType.FLOAT);
        double[] x0Before = doubles(x0);
        Target target = Target.of(g);
        ChainState s = kernel.init(target, x0);
        assertThat(doubles(x0)).as("x0 after init").containsExactly(x0Before);
        double[] xs = doubles(s.x());
        double[] es = doubles(s.energy());
        double[] gs = doubles(s.grad());
        x0.addi(1000.0);
        assertThat(doubles(s.x())).as("the state after its x0 was changed: init must not retain x0")
                .containsExactly(xs);
        for (int t = 0; t < 3; t++) {
            SamplerKernel.Step step = kernel.step(target, s, rng);
            assertThat(doubles(s.x())).as("x after step").containsExactly(xs);
            assertThat(doubles(s.energy())).as("energy after step").containsExactly(es);
            assertThat(doubles(s.grad())).as("grad after step").containsExactly(gs);
            s = step.state();
            xs = doubles(s.x());
            es = doubles(s.energy());
            gs = doubles(s.grad());
        }
    }

    @Test
    public void aFixedRngGivesTheSameChains() {
        SamplerKernel kernel = kernel();
        DiagonalGaussian g = stationarityTarget();
        INDArray x0 = g.sample(new Rng(seed()), 64, DataType.DOUBLE);
        double[] a = run(kernel, g, x0, new Rng(seed() + 1), 3);
        double[] b = run(kernel, g, x0, new Rng(seed() + 1), 3);
        assertThat(b).as("chains run twice from the same generator state").containsExactly(a);
        if (stochastic()) {
            double[] c = run(kernel, g, x0, new Rng(seed() + 2), 3);
            assertThat(c).as("chains run from another seed").isNotEqualTo(a);
        }
    }

    private static double[] run(SamplerKernel kernel, DiagonalGaussian g, INDArray x0, Rng rng, int steps) {
        Target target = Target.of(g);
        ChainState s = kernel.init(target, x0);
        for (int t = 0; t < steps; t++) {
            s = kernel.step(target, s, rng).state();
        }
        return doubles(s.x());
    }

    @Test
    public void acceptanceIsReportedPerChain() {
        assumeTrue(metropolisAdjusted(), "only Metropolis-adjusted kernels report acceptance");
        SamplerKernel kernel = kernel();
        DiagonalGaussian g = stationarityTarget();
        Rng rng = new Rng(seed());
        Target target = Target.of(g);
        ChainState s = kernel.init(target, g.sample(rng, 2000, DataType.DOUBLE));
        SamplerKernel.Step step = kernel.step(target, s, rng);
        double[] acc = doubles(step.info().accepted());
        int d = g.dim();
        double[] x = doubles(s.x());
        double[] y = doubles(step.state().x());
        double[] e = doubles(s.energy());
        double[] ey = doubles(step.state().energy());
        int accepted = 0;
        for (int i = 0; i < acc.length; i++) {
            boolean same = e[i] == ey[i];
            for (int j = 0; j < d; j++) {
                same &= x[i * d + j] == y[i * d + j];
            }
            if (acc[i] == 1) {
                accepted++;
                assertThat(same).as("chain " + i + " was accepted but did not move").isFalse();
            } else {
                assertThat(same).as("chain " + i + " was rejected but moved").isTrue();
            }
        }
        assertThat(step.info().acceptRate()).isCloseTo(accepted / (double) acc.length,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(accepted).as("accepted chains").isPositive();
    }

    // ------------------------------------------------------------------------------------------------ distribution

    @Test
    public void leavesAGaussianExactlyInvariant() {
        assumeTrue(metropolisAdjusted(), "only Metropolis-adjusted kernels leave their target exactly invariant");
        Stats.Ks[] ks = stationarity(kernel(), "exact stationarity");
        for (int j = 0; j < ks.length; j++) {
            assertThat(ks[j].p()).as("KS p-value of coordinate " + j + " (" + ks[j] + ")").isGreaterThan(significance());
        }
    }

    /**
     * The negative control of {@link #leavesAGaussianExactlyInvariant()}: the same check, with the same chains,
     * steps and significance, on the kernel made deliberately wrong — after each of its steps every chain is shifted
     * by {@link #biasPerStep()} in every coordinate — must fail. A check that passes a biased kernel has no power
     * and proves nothing about the real one; then raise {@link #chains()} or {@link #stationarySteps()}.
     */
    @Test
    public void theStationarityCheckRejectsADeliberatelyBiasedKernel() {
        assumeTrue(metropolisAdjusted(), "only Metropolis-adjusted kernels are checked for exact stationarity");
        Stats.Ks[] ks = stationarity(new ShiftedKernel(kernel(), biasPerStep()), "negative control (shift "
                + biasPerStep() + " per step)");
        double least = Double.POSITIVE_INFINITY;
        for (Stats.Ks k : ks) {
            least = Math.min(least, k.p());
        }
        assertThat(least).as("the smallest KS p-value of the biased kernel: the stationarity check must reject it")
                .isLessThan(significance());
    }

    /** The shift per step of the negative control's biased kernel (default 0.05, in units of the target's scale). */
    protected double biasPerStep() {
        return 0.05;
    }

    /**
     * What the kernel's provider declares about it, or null (the default) when the test does not say. When given,
     * {@link #theDeclaredTraitsAgreeWithTheKernel()} checks them against the kernel, and the exact-stationarity check
     * of a Metropolis-adjusted kernel uses the declared temperature T: the chains must leave exp(−E/T) invariant.
     */
    protected KernelTraits declaredTraits() {
        return null;
    }

    @Test
    public void theDeclaredTraitsAgreeWithTheKernel() {
        KernelTraits t = declaredTraits();
        assumeTrue(t != null, "no declared traits given");
        assertThat(t.exactness()).as("declared exactness").isNotEqualTo(KernelTraits.Exactness.UNDECLARED);
        assertThat(t.metropolisAdjusted()).as("declared Metropolis adjustment against metropolisAdjusted()")
                .isEqualTo(metropolisAdjusted());
        SamplerKernel k = kernel();
        if (t.replayable()) {
            assertThat(k).as("a kernel that declares replayable steps").isInstanceOf(DifferentiableKernel.class);
            assertThat(((DifferentiableKernel) k).replayProblems()).as("replay problems of a kernel that declares "
                    + "replayable steps").isEmpty();
        }
        if (t.noiseFree()) {
            assertThat(stochastic()).as("stochastic() of a kernel declared noise-free").isFalse();
        }
    }

    /** KS results per coordinate after {@link #stationarySteps()} steps of {@code kernel} from exact draws. */
    private Stats.Ks[] stationarity(SamplerKernel kernel, String what) {
        DiagonalGaussian g = stationarityTarget();
        KernelTraits t = declaredTraits();
        double temperature = t != null && t.temperature() != null && t.temperature() > 0 ? t.temperature() : 1.0;
        DiagonalGaussian law = g;
        if (temperature != 1.0) {
            double[] mean = new double[g.dim()];
            double[] std = new double[g.dim()];
            for (int j = 0; j < g.dim(); j++) {
                mean[j] = g.mean(j);
                std[j] = g.std(j) * Math.sqrt(temperature);
            }
            law = new DiagonalGaussian(mean, std, g.dim());
        }
        Rng rng = new Rng(seed());
        Target target = Target.of(g);
        // the negative control starts where the real kernel starts (a kernel with hidden state sets it up)
        ChainState s = stationaryStart(kernel instanceof ShiftedKernel sk ? sk.inner : kernel, target, law, rng,
                chains());
        INDArray x0 = s.x().dup();
        double acceptSum = 0;
        for (int step = 0; step < stationarySteps(); step++) {
            SamplerKernel.Step next = kernel.step(target, s, rng);
            s = next.state();
            acceptSum += next.info().acceptRate();
        }
        double accept = acceptSum / stationarySteps();
        assertThat(countMoved(x0, s.x())).as("chains that moved").isGreaterThan(chains() / 10);
        Stats.Ks[] out = new Stats.Ks[g.dim()];
        for (int j = 0; j < g.dim(); j++) {
            out[j] = Stats.ks(Stats.column(s.x(), j), law.cdf(j));
            System.out.printf("[%s] %s on N(%s, %s²) at T = %s, coordinate %d after %d steps from exact draws: %s, "
                    + "acceptance %.3f%n", name(), what, g.mean(j), g.std(j), temperature, j, stationarySteps(),
                    out[j], accept);
        }
        return out;
    }

    /** A kernel made wrong on purpose: every step is followed by a shift of all coordinates. */
    private static final class ShiftedKernel implements SamplerKernel {
        private final SamplerKernel inner;
        private final double shift;

        ShiftedKernel(SamplerKernel inner, double shift) {
            this.inner = inner;
            this.shift = shift;
        }

        @Override
        public ChainState init(Target target, INDArray x0) {
            return inner.init(target, x0);
        }

        @Override
        public Step step(Target target, ChainState state, Rng rng) {
            Step s = inner.step(target, state, rng);
            INDArray x = s.state().x().add(shift);
            Target.Evaluation ev = target.evaluate(x);
            return new Step(new ChainState(x, ev.energy(), ev.grad(), s.state().stepSize(), s.state().internal()),
                    s.info());
        }

        @Override
        public int steps() {
            return inner.steps();
        }
    }

    @Test
    public void settlesAtTheDeclaredVarianceOnAStandardNormal() {
        double v = stationaryVariance();
        SamplerKernel kernel = kernel();
        DiagonalGaussian g = DiagonalGaussian.standard(2);
        Rng rng = new Rng(seed() + 7);
        Target target = Target.of(g);
        ChainState s = kernel.init(target, g.sample(rng, chains(), DataType.DOUBLE));
        for (int t = 0; t < settleSteps(); t++) {
            s = kernel.step(target, s, rng).state();
        }
        if (v > 0) {
            // Both coordinates pooled: n = 2·chains values of N(0, v), whose sample variance has standard error
            // v·√(2/(n − 1)); five of them (two-sided p ≈ 6e-7) is the tolerance.
            double[] all = doubles(s.x());
            double var = Stats.variance(all);
            double tol = 5 * v * Math.sqrt(2.0 / (all.length - 1));
            System.out.printf("[%s] declared variance %.5f on N(0, 1) after %d steps: pooled sample variance %.5f "
                    + "(tolerance ±%.5f)%n", name(), v, settleSteps(), var, tol);
            assertThat(var).as("pooled sample variance against the declared " + v)
                    .isCloseTo(v, org.assertj.core.api.Assertions.within(tol));
        }
        for (int j = 0; j < 2; j++) {
            double[] col = Stats.column(s.x(), j);
            double var = Stats.variance(col);
            if (v == 0) {
                System.out.printf("[%s] declared variance 0 on N(0, 1): coordinate %d has variance %.3g after %d "
                        + "steps%n", name(), j, var, settleSteps());
                assertThat(Math.sqrt(var)).as("spread of coordinate " + j + " of a noise-free kernel")
                        .isLessThan(1e-2);
            } else {
                double sd = Math.sqrt(v);
                Stats.Ks ks = Stats.ks(col, z -> org.apache.commons.statistics.distribution.NormalDistribution
                        .of(0, sd).cumulativeProbability(z));
                System.out.printf("[%s] declared variance %.5f on N(0, 1), coordinate %d after %d steps: sample "
                        + "variance %.5f, %s against N(0, %.5f)%n", name(), v, j, settleSteps(), var, ks, v);
                assertThat(ks.p()).as("KS p-value against the declared N(0, " + v + ") (" + ks + ")")
                        .isGreaterThan(significance());
            }
        }
    }

    @Test
    public void acceptanceFallsAsTheStepGrows() {
        assumeTrue(metropolisAdjusted(), "only Metropolis-adjusted kernels accept or reject");
        assumeTrue(kernelWithStepSize(stepSizeGrid()[0]) != null, "no step-size factory");
        double[] grid = stepSizeGrid();
        double[] rates = new double[grid.length];
        DiagonalGaussian g = stationarityTarget();
        Target target = Target.of(g);
        for (int k = 0; k < grid.length; k++) {
            SamplerKernel kernel = kernelWithStepSize(grid[k]);
            Rng rng = new Rng(seed() + k);
            ChainState s = kernel.init(target, g.sample(rng, 4000, DataType.DOUBLE));
            double sum = 0;
            for (int t = 0; t < 3; t++) {
                SamplerKernel.Step step = kernel.step(target, s, rng);
                s = step.state();
                sum += step.info().acceptRate();
            }
            rates[k] = sum / 3;
        }
        System.out.printf("[%s] acceptance by step size: %s -> %s%n", name(), Arrays.toString(grid),
                Arrays.toString(Arrays.stream(rates).map(r -> Math.round(r * 1000) / 1000.0).toArray()));
        for (int k = 1; k < grid.length; k++) {
            assertThat(rates[k]).as("acceptance at step " + grid[k] + " vs " + grid[k - 1])
                    .isLessThanOrEqualTo(rates[k - 1] + 0.02);
        }
        assertThat(rates[0]).as("acceptance at the smallest step").isGreaterThan(0.8);
        assertThat(rates[0] - rates[grid.length - 1]).as("fall in acceptance across the grid").isGreaterThan(0.3);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static long countMoved(INDArray before, INDArray after) {
        double[] a = doubles(before);
        double[] b = doubles(after);
        int n = (int) before.size(0);
        int d = a.length / n;
        long moved = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (a[i * d + j] != b[i * d + j]) {
                    moved++;
                    break;
                }
            }
        }
        return moved;
    }

    /** All values of an array, in row-major order, as doubles. */
    protected static double[] doubles(INDArray a) {
        return org.nd4j.linalg.factory.Nd4j.toFlattened('c', a).castTo(DataType.DOUBLE).toDoubleVector();
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
