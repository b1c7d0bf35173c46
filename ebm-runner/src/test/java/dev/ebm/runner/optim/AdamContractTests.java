package dev.ebm.runner.optim;

import dev.ebm.api.Optimizer;
import dev.ebm.testkit.OptimizerContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The testkit's optimizer contract applied to Adam, plain and with clipping and a cosine schedule. */
class AdamContractTests {

    @Nested
    class Plain extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new Adam(new AdamSpec(0.05, null, null, null, null, null, null));
        }
    }

    @Nested
    class ClippedCosine extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new Adam(new AdamSpec(0.05, List.of(0.0, 0.999), null, 1.0, "cosine", 200, 0.001));
        }
    }
}
