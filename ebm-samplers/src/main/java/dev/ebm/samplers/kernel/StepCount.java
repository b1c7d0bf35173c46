package dev.ebm.samplers.kernel;

/** The internal part of an annealed kernel's state: how many steps of the current chain run were taken. */
record StepCount(long t) {

    /** The count a state carries, or 0 for a state without one. */
    static long of(dev.ebm.api.ChainState state) {
        return state.internal() instanceof StepCount c ? c.t() : 0;
    }
}
