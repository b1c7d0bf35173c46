package dev.ebm.runner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.autodiff.Kernels;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

/**
 * The native calls of one piece of work: ND4J ops run through its executioner (counted by ND4J's own op profiler,
 * switched on only for the count), matrix products called straight in BLAS, and passes of the fused Java kernels.
 * Array allocations and shape-info calls are not counted.
 */
record OpCounts(long nd4jOps, long blasCalls, long kernelPasses) {

    static OpCounts of(Runnable work) {
        ProfilerConfig before = OpProfiler.getInstance().getConfig();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true)
                .checkWorkspaces(before == null || before.isCheckWorkspaces()).build());
        try {
            long ops = OpProfiler.getInstance().getInvocationsCount();
            long[] k = Kernels.counts();
            work.run();
            long[] k2 = Kernels.counts();
            return new OpCounts(OpProfiler.getInstance().getInvocationsCount() - ops, k2[0] - k[0], k2[1] - k[1]);
        } finally {
            Nd4j.getExecutioner().setProfilingConfig(before != null ? before : ProfilerConfig.builder().build());
        }
    }

    ObjectNode json() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("nd4j_ops", nd4jOps);
        n.put("blas_calls", blasCalls);
        n.put("kernel_passes", kernelPasses);
        return n;
    }
}
