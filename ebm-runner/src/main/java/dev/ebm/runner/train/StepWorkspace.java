package dev.ebm.runner.train;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J workspace one training step runs in: its memory is reused by the next step instead of waiting for the
 * garbage collector. Arrays created inside are invalid once the scope closes; what must outlive a step
 * (parameters, optimizer moments, buffers) is allocated outside and written in place.
 */
public final class StepWorkspace {
    private static final WorkspaceConfiguration CONF = WorkspaceConfiguration.builder()
            .policyLearning(LearningPolicy.OVER_TIME)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .cyclesBeforeInitialization(2)
            .build();

    private StepWorkspace() {}

    /** Opens the step scope of the given name on this thread. */
    public static MemoryWorkspace open(String id) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONF, id);
    }
}
