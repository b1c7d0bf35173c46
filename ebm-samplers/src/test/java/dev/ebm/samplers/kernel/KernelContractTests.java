package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.samplers.spec.GdSpec;
import dev.ebm.samplers.spec.HmcSpec;
import dev.ebm.samplers.spec.LangevinSpec;
import dev.ebm.samplers.spec.MalaSpec;
import dev.ebm.samplers.spec.ReplicaExchangeSpec;
import dev.ebm.testkit.DiagonalGaussian;
import dev.ebm.testkit.SamplerKernelContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The testkit's sampler contract applied to every kernel of this module. */
class KernelContractTests {

    @Nested
    class Mala extends SamplerKernelContract {
        @Override
        protected KernelTraits declaredTraits() {
            return new MalaProvider().traits(new MalaSpec(10, 0.9, null, null, null, null, null), null);
        }

        @Override
        protected SamplerKernel kernel() {
            return kernelWithStepSize(0.9);
        }

        @Override
        protected boolean metropolisAdjusted() {
            return true;
        }

        /** h is ε here. */
        @Override
        protected SamplerKernel kernelWithStepSize(double h) {
            return new MalaKernel(new MalaSpec(10, h, null, null, null, null, null));
        }

        @Override
        protected double[] stepSizeGrid() {
            return new double[] {0.1, 0.5, 1.0, 1.5, 2.0};
        }

        @Override
        protected int settleSteps() {
            return 30;
        }
    }

    @Nested
    class Hmc extends SamplerKernelContract {
        @Override
        protected KernelTraits declaredTraits() {
            return new HmcProvider().traits(new HmcSpec(10, 0.3, 10, null, null), null);
        }

        @Override
        protected SamplerKernel kernel() {
            return kernelWithStepSize(0.3);
        }

        @Override
        protected boolean metropolisAdjusted() {
            return true;
        }

        @Override
        protected SamplerKernel kernelWithStepSize(double h) {
            return new HmcKernel(new HmcSpec(10, h, 10, null, null));
        }

        @Override
        protected double[] stepSizeGrid() {
            return new double[] {0.05, 0.3, 0.6, 0.9, 1.1};
        }

        @Override
        protected int stationarySteps() {
            return 5;
        }

        @Override
        protected int settleSteps() {
            return 10;
        }
    }

    /** Langevin in the epsilon form, ε = 0.5: stationary variance 1/(1 − ε²/4) on N(0, 1). */
    @Nested
    class LangevinEpsilon extends SamplerKernelContract {
        @Override
        protected KernelTraits declaredTraits() {
            return new LangevinProvider().traits(new LangevinSpec(10, EPSILON, null, null, null, null), null);
        }

        static final double EPSILON = 0.5;

        @Override
        protected SamplerKernel kernel() {
            return new LangevinKernel(new LangevinSpec(10, EPSILON, null, null, null, null));
        }

        @Override
        protected boolean metropolisAdjusted() {
            return false;
        }

        @Override
        protected double stationaryVariance() {
            return 1 / (1 - EPSILON * EPSILON / 4);
        }
    }

    /** Decoupled Langevin x' = (1 − s)x + σξ on N(0, 1): stationary variance σ²/(1 − (1 − s)²). */
    @Nested
    class LangevinDecoupled extends SamplerKernelContract {
        @Override
        protected KernelTraits declaredTraits() {
            return new LangevinProvider().traits(new LangevinSpec(10, null, STEP, NOISE, null, null), null);
        }

        static final double STEP = 0.1;
        static final double NOISE = 0.3;

        @Override
        protected SamplerKernel kernel() {
            return new LangevinKernel(new LangevinSpec(10, null, STEP, NOISE, null, null));
        }

        @Override
        protected boolean metropolisAdjusted() {
            return false;
        }

        @Override
        protected double stationaryVariance() {
            return NOISE * NOISE / (1 - (1 - STEP) * (1 - STEP));
        }
    }

    @Nested
    class Gd extends SamplerKernelContract {
        @Override
        protected KernelTraits declaredTraits() {
            return new GdProvider().traits(new GdSpec(10, 0.1, null, null), null);
        }

        @Override
        protected SamplerKernel kernel() {
            return new GdKernel(new GdSpec(10, 0.1, null, null));
        }

        @Override
        protected boolean metropolisAdjusted() {
            return false;
        }

        @Override
        protected double stationaryVariance() {
            return 0;
        }

        @Override
        protected boolean stochastic() {
            return false;
        }
    }

    /**
     * Replica exchange with MALA inside on the ladder [1, 2, 4], swapping at every step. Its exact-stationarity
     * test starts every replica at exact draws of its own tempered target N(μ, T·diag σ²), the stationary
     * distribution of the joint chain.
     */
    @Nested
    class ReplicaExchange extends SamplerKernelContract {
        @Override
        protected KernelTraits declaredTraits() {
            return new ReplicaExchangeProvider().traits(new ReplicaExchangeSpec(10, LADDER, null, null, new MalaSpec(10, 0.9, null, null, null, null, null), 1, null, null), PluginRegistry.of(List.of(new MalaProvider())));
        }

        static final List<Double> LADDER = List.of(1.0, 2.0, 4.0);

        @Override
        protected SamplerKernel kernel() {
            return kernelWithStepSize(0.9);
        }

        @Override
        protected boolean metropolisAdjusted() {
            return true;
        }

        /** h is the inner MALA's ε. */
        @Override
        protected SamplerKernel kernelWithStepSize(double h) {
            MalaSpec inner = new MalaSpec(10, h, null, null, null, null, null);
            return new ReplicaExchangeKernel(new ReplicaExchangeSpec(10, LADDER, null, null, inner, 1, null, null),
                    new MalaKernel(inner));
        }

        @Override
        protected double[] stepSizeGrid() {
            return new double[] {0.1, 0.5, 1.0, 1.5, 2.0};
        }

        @Override
        protected int settleSteps() {
            return 30;
        }

        @Override
        protected ChainState stationaryStart(SamplerKernel kernel, Target target, DiagonalGaussian g, Rng rng,
                int n) {
            List<INDArray> starts = new ArrayList<>();
            for (double t : LADDER) {
                double[] mean = new double[g.dim()];
                double[] std = new double[g.dim()];
                for (int j = 0; j < g.dim(); j++) {
                    mean[j] = g.mean(j);
                    std[j] = g.std(j) * Math.sqrt(t);
                }
                starts.add(new DiagonalGaussian(mean, std, g.dim()).sample(rng, n, DataType.DOUBLE));
            }
            return ((ReplicaExchangeKernel) kernel).init(target, starts);
        }
    }
}
