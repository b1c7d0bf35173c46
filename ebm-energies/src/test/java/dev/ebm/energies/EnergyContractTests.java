package dev.ebm.energies;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.testkit.EnergyContract;
import org.junit.jupiter.api.Nested;
import org.nd4j.linalg.api.buffer.DataType;

/** The testkit's energy contract applied to every energy of this module, spectral norm included. */
class EnergyContractTests {
    static final PluginRegistry REGISTRY = PluginRegistry.load();

    /** A contract case: an energy spec in JSON and the sample shape. */
    abstract static class Case extends EnergyContract {
        private final String json;
        private final long[] shape;

        Case(String json, long... shape) {
            this.json = json;
            this.shape = shape;
        }

        @Override
        protected EnergyFunction energy(DataType dtype, Rng rng) {
            try {
                EnergySpec spec = new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), EnergySpec.class);
                return REGISTRY.create(spec, new PluginContext(dtype, shape, null, REGISTRY, rng));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        protected long[] sampleShape() {
            return shape;
        }
    }

    @Nested
    class MlpSwish extends Case {
        MlpSwish() {
            super("{\"type\":\"mlp\",\"hidden\":[6,5],\"activation\":\"swish\"}", 3);
        }
    }

    @Nested
    class MlpSpectralNorm extends Case {
        MlpSpectralNorm() {
            super("{\"type\":\"mlp\",\"hidden\":[7,5],\"spectralNorm\":true}", 2);
        }
    }

    @Nested
    class CnnSpectralNorm extends Case {
        CnnSpectralNorm() {
            super("{\"type\":\"cnn\",\"channels\":[3,4],\"strides\":[1,2],\"head\":[6],\"spectralNorm\":true,"
                    + "\"spectralNormOutput\":true}", 1, 8, 8);
        }
    }

    @Nested
    class Multiscale extends Case {
        Multiscale() {
            super("{\"type\":\"multiscale\",\"scales\":[{\"type\":\"mlp\",\"hidden\":[5]},{\"type\":\"mlp\","
                    + "\"hidden\":[4]},{\"type\":\"mlp\",\"hidden\":[3]}]}", 1, 8, 8);
        }
    }

    @Nested
    class Gaussian extends Case {
        Gaussian() {
            super("{\"type\":\"gaussian\",\"mean\":[1.0,-2.0],\"covariance\":[[2.0,0.6],[0.6,0.5]]}", 2);
        }
    }

    @Nested
    class GaussianMixture extends Case {
        GaussianMixture() {
            super("{\"type\":\"gaussian-mixture\",\"weights\":[0.2,0.5,0.3],\"means\":[[-2,0],[1,1],[0,2]],"
                    + "\"stds\":[0.5,1.0,0.7]}", 2);
        }
    }
}
