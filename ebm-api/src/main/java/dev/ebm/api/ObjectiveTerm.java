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
}
