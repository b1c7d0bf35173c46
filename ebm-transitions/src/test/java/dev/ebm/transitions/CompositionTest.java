package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.ChainState;
import dev.ebm.api.Chains;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A list of transitions composes in its order: the chain driver ({@link Chains#finishStep}, which the training
 * loop and {@code bin/ebm sample} use) applies the first to the chains, the second to its result, and so on, all
 * from the one generator.
 */
class CompositionTest {

    /** A kernel that only holds positions, so the driver's moves are visible as they are. */
    static final class Still implements SamplerKernel {
        @Override
        public ChainState init(Target target, INDArray x0) {
            return new ChainState(x0.dup(), Nd4j.zeros(x0.dataType(), x0.size(0)), x0.like(), Double.NaN);
        }

        @Override
        public Step step(Target target, ChainState state, Rng rng) {
            throw new UnsupportedOperationException("not stepped here");
        }

        @Override
        public int steps() {
            return 2;
        }
    }

    @Test
    void theDriverAppliesTheListInOrder() {
        String[] specs = {"{\"type\":\"jitter\",\"pixels\":3,\"fill\":\"zero\"}",
            "{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":1.5}", "{\"type\":\"crop-resize\",\"scale\":[0.5,1]}"};
        List<Transition> list = List.of(Plugins.transition(specs[0], 1, 12, 14),
                Plugins.transition(specs[1], 1, 12, 14), Plugins.transition(specs[2], 1, 12, 14));
        INDArray x = new Rng(60).uniform(DataType.DOUBLE, 32, 1, 12, 14);
        Still kernel = new Still();
        ChainState moved = Chains.finishStep(kernel, null, kernel.init(null, x), null, 0, 0, 2, list, 1, new Rng(61));

        Rng rng = new Rng(61);
        INDArray inOrder = list.get(2).apply(list.get(1).apply(list.get(0).apply(x, rng), rng), rng);
        Rng other = new Rng(61);
        INDArray reversed = list.get(0).apply(list.get(1).apply(list.get(2).apply(x, other), other), other);

        assertThat(Plugins.values(moved.x())).isEqualTo(Plugins.values(inOrder));
        assertThat(Plugins.values(moved.x())).isNotEqualTo(Plugins.values(reversed));
        assertThat(Plugins.values(moved.x())).isNotEqualTo(Plugins.values(x));
    }
}
