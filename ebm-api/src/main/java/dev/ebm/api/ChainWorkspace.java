package dev.ebm.api;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The scratch workspace one sampler step of {@link Chains#run} runs in: its memory is reused by the next step, so a
 * chain run's memory does not grow with its length. What a step must hand on (the new state, recorded noise) is
 * copied out with {@link #keep} before the scope closes.
 */
final class ChainWorkspace {
    private static final String ID = "chain-step";
    private static final WorkspaceConfiguration CONF = WorkspaceConfiguration.builder()
            .policyLearning(LearningPolicy.OVER_TIME)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .cyclesBeforeInitialization(2)
            .build();

    private ChainWorkspace() {}

    static MemoryWorkspace open() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONF, ID);
    }

    /** {@code a} copied to the enclosing workspace (ordinary memory without one); null stays null. */
    static INDArray keep(INDArray a) {
        return a == null ? null : a.leverage();
    }

    /** The state with its arrays kept; its internal part must hold no arrays (it is passed on as it is). */
    static ChainState keep(ChainState s) {
        return new ChainState(keep(s.x()), keep(s.energy()), keep(s.grad()), s.stepSize(), s.internal());
    }
}
