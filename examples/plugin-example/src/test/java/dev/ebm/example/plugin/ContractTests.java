package dev.ebm.example.plugin;

import dev.ebm.api.Box;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.NegativeSourceProvider;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.example.plugin.spec.HingeSpec;
import dev.ebm.example.plugin.spec.PersistentDataSpec;
import dev.ebm.testkit.EnergyContract;
import dev.ebm.testkit.NegativeSourceContract;
import dev.ebm.testkit.ObjectiveTermContract;
import org.junit.jupiter.api.Nested;
import org.nd4j.linalg.api.buffer.DataType;

/** The test kit's contracts on the energy, the negative source and the objective term of this plugin. */
class ContractTests {

    @Nested
    class Rbf extends EnergyContract {
        @Override
        protected EnergyFunction energy(DataType dtype, Rng rng) {
            return new RbfEnergy(6, 0.7, 2, Box.uniform(2, -2, 2), dtype, rng);
        }

        @Override
        protected long[] sampleShape() {
            return new long[] {2};
        }
    }

    @Nested
    class PersistentData extends NegativeSourceContract {
        @Override
        protected NegativeSourceProvider provider() {
            return new PersistentDataProvider();
        }

        @Override
        protected NegativeSourceSpec spec() {
            return new PersistentDataSpec(0.2);
        }
    }

    @Nested
    class Hinge extends ObjectiveTermContract {
        @Override
        protected ObjectiveProvider provider() {
            return new HingeProvider();
        }

        @Override
        protected ObjectiveSpec spec() {
            return new HingeSpec(1.0, null);
        }
    }
}
