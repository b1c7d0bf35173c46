package dev.ebm.api;

import dev.ebm.api.traits.KernelTraits;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One term of the training loss. The objective is the weighted sum of its terms; the weight comes from the term's
 * spec and is applied by the runner. A term may own learnable parameters (NCE's log Z) and a memory of past samples
 * (an entropy estimate's reference set) but never chain state.
 */
public interface ObjectiveTerm {

    /** The unweighted loss, a scalar tensor differentiable in the energy's (and the term's own) parameters. */
    Tensor loss(TrainBatch batch);

    /** Parameters the term learns itself. */
    default ParameterSet parameters() {
        return ParameterSet.empty();
    }

    /**
     * How many trailing sampler steps the term replays on the tape ({@link TrainBatch#replayedNegatives(int)}):
     * 0 for none (the default), {@link Integer#MAX_VALUE} for all of them. The runner asks the chain driver to
     * record the largest number any term needs.
     */
    default int replaySteps() {
        return 0;
    }

    /**
     * Why this term cannot train with {@code kernel}, one message per reason (empty when it can). Called once when
     * an experiment is built, so that, e.g., a term that differentiates through sampling refuses a kernel whose
     * declared traits say its steps cannot be replayed (a Metropolis kernel) before training starts; a message
     * should name the declared trait it objects to.
     *
     * @param kernel the run's kernel
     * @param declared what the kernel's provider declares about it ({@link KernelTraits})
     */
    default List<String> problemsWith(SamplerKernel kernel, KernelTraits declared) {
        return List.of();
    }

    /** State to checkpoint (named arrays), e.g. a memory of past samples; empty for stateless terms. */
    default Map<String, INDArray> state() {
        return Map.of();
    }

    /** Restores what {@link #state()} returned. */
    default void restore(Map<String, INDArray> state) {}

    /**
     * Called once when the experiment is built, before training starts or resumes, with a generator derived from
     * the spec's seed alone, so that what a term computes here (e.g. a noise distribution fitted to the data) is
     * the same in a fresh and in a resumed run. Runs outside any workspace: arrays kept here live for the run.
     *
     * @param data the training data
     * @param rng randomness for this term's preparation only
     */
    default void prepare(DataSource data, Rng rng) {}

    /**
     * Whether {@link #loss} reads the negative samples ({@link TrainBatch#xNeg()}, {@link TrainBatch#eNeg()}, the
     * chain record). When no term of an objective needs them, the runner draws no chains: no negative source and
     * no sampler are required, and the batch carries no negatives.
     */
    default boolean needsNegatives() {
        return true;
    }
}
