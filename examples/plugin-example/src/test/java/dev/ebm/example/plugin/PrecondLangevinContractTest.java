package dev.ebm.example.plugin;

import dev.ebm.api.SamplerKernel;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.example.plugin.spec.PrecondLangevinSpec;
import dev.ebm.testkit.SamplerKernelContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The test kit's sampler contract on the preconditioned kernel, adjusted and unadjusted. */
class PrecondLangevinContractTest {

    static final PrecondLangevinSpec SPEC = new PrecondLangevinSpec(10, 0.9, List.of(1.0), true);

    @Nested
    class Adjusted extends SamplerKernelContract {
        @Override
        protected SamplerKernel kernel() {
            return new PrecondLangevinProvider().create(SPEC, null);
        }

        @Override
        protected boolean metropolisAdjusted() {
            return true;
        }

        @Override
        protected KernelTraits declaredTraits() {
            return new PrecondLangevinProvider().traits(SPEC, null);
        }

        /** h is ε, with M = 1. */
        @Override
        protected SamplerKernel kernelWithStepSize(double h) {
            return new PrecondLangevinKernel(new PrecondLangevinSpec(10, h, List.of(1.0), true));
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
    class Unadjusted extends SamplerKernelContract {
        static final double EPS = 0.5;

        @Override
        protected SamplerKernel kernel() {
            return new PrecondLangevinKernel(new PrecondLangevinSpec(10, EPS, List.of(1.0), false));
        }

        @Override
        protected boolean metropolisAdjusted() {
            return false;
        }

        @Override
        protected KernelTraits declaredTraits() {
            return new PrecondLangevinProvider().traits(new PrecondLangevinSpec(10, EPS, List.of(1.0), false), null);
        }

        /** x' = (1 − ε²/2)x + εξ on N(0, 1) settles at ε²/(1 − (1 − ε²/2)²) = 1/(1 − ε²/4). */
        @Override
        protected double stationaryVariance() {
            return 1 / (1 - EPS * EPS / 4);
        }

        @Override
        protected int settleSteps() {
            return 60;
        }
    }
}
