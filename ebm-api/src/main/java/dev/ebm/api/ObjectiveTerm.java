package dev.ebm.api;

import dev.ebm.autodiff.Tensor;

/**
 * One term of the training loss. The objective is the weighted sum of its terms; the weight comes from the term's
 * spec and is applied by the runner. A term may own learnable parameters (NCE's log Z) but never chain state.
 */
public interface ObjectiveTerm {

    /** The unweighted loss, a scalar tensor differentiable in the energy's (and the term's own) parameters. */
    Tensor loss(TrainBatch batch);

    /** Parameters the term learns itself. */
    default ParameterSet parameters() {
        return ParameterSet.empty();
    }

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
