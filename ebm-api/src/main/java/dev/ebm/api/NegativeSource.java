package dev.ebm.api;

import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where negative chains start and what is kept between training steps: the only owner of persistent chain state.
 */
public interface NegativeSource {

    /**
     * Start positions for {@code n} chains.
     *
     * @param data the current data batch {@code [B, ...]} (for sources that start at the data)
     * @return a fresh array {@code [n, ...]}
     */
    INDArray draw(int n, INDArray data, Rng rng);

    /** The chains' end points after sampling, in the order of the last {@link #draw}. */
    default void accept(INDArray samples, Rng rng) {}

    /** Whether chains continue across training steps. */
    boolean persistent();

    /**
     * The samples this source keeps between training steps (a replay buffer's contents), as a fresh array
     * {@code [n, ...sample shape]} in the order kept; empty for sources that keep none. Evaluation scores them.
     */
    default Optional<INDArray> kept() {
        return Optional.empty();
    }

    /** State to checkpoint (named arrays); empty for stateless sources. */
    default Map<String, INDArray> state() {
        return Map.of();
    }

    /** Restores what {@link #state()} returned. */
    default void restore(Map<String, INDArray> state) {}
}
