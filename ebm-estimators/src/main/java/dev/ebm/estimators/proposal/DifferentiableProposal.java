package dev.ebm.estimators.proposal;

import dev.ebm.autodiff.Tensor;

/** A proposal whose log-density is also a tape expression, so it can be the base of an annealing path. */
public interface DifferentiableProposal extends Proposal {

    /** log q(x) {@code [n]} for rows {@code [n, dim]} of the given tensor's dtype, differentiable in x. */
    Tensor logDensity(Tensor flat);
}
