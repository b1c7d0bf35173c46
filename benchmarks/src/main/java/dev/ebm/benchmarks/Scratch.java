package dev.ebm.benchmarks;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The workspace a benchmark invocation runs in, configured as the training step's: allocations are pointer bumps
 * and the memory is reused by the next invocation, as in a training run.
 */
final class Scratch {
    private static final WorkspaceConfiguration CONF = WorkspaceConfiguration.builder()
            .policyLearning(LearningPolicy.OVER_TIME).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2).cyclesBeforeInitialization(2).build();

    private Scratch() {}

    static MemoryWorkspace open(String id) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONF, id);
    }
}
