package dev.ebm.samplers.negatives;

import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.samplers.spec.DataInitSpec;
import dev.ebm.samplers.spec.NoiseSpec;
import dev.ebm.samplers.spec.ReplayBufferSpec;
import dev.ebm.testkit.NegativeSourceContract;
import org.junit.jupiter.api.Nested;

/** The testkit's negative-source contract applied to every source of this module, in several configurations. */
class SourceContractTests {

    @Nested
    class UniformNoise extends NegativeSourceContract {
        @Override
        protected NegativeSourceProvider provider() {
            return new NoiseProvider();
        }

        @Override
        protected NegativeSourceSpec spec() {
            return new NoiseSpec(null, null, null, null);
        }
    }

    @Nested
    class GaussianNoiseOnABox extends NegativeSourceContract {
        @Override
        protected NegativeSourceProvider provider() {
            return new NoiseProvider();
        }

        @Override
        protected NegativeSourceSpec spec() {
            return new NoiseSpec("gaussian", 0.7, null, null);
        }
    }

    @Nested
    class UniformNoiseOnAGivenBox extends NegativeSourceContract {
        @Override
        protected NegativeSourceProvider provider() {
            return new NoiseProvider();
        }

        @Override
        protected NegativeSourceSpec spec() {
            return new NoiseSpec("uniform", null, -0.5, 0.25);
        }
    }

    @Nested
    class DataStarts extends NegativeSourceContract {
        @Override
        protected NegativeSourceProvider provider() {
            return new DataInitProvider();
        }

        @Override
        protected NegativeSourceSpec spec() {
            return new DataInitSpec();
        }
    }

    @Nested
    class ReplayBufferFromNoise extends NegativeSourceContract {
        @Override
        protected NegativeSourceProvider provider() {
            return new ReplayBufferProvider();
        }

        @Override
        protected NegativeSourceSpec spec() {
            return new ReplayBufferSpec(5000, null, "gaussian", 0.2, 0.1, null, null, null);
        }
    }

    /** The seed paper's "true CD": persistent chains from the data, restarted there. */
    @Nested
    class ReplayBufferTrueCd extends NegativeSourceContract {
        @Override
        protected NegativeSourceProvider provider() {
            return new ReplayBufferProvider();
        }

        @Override
        protected NegativeSourceSpec spec() {
            return new ReplayBufferSpec(5000, "reservoir", "data", 0.05, 0.1, null, null, null);
        }
    }
}
