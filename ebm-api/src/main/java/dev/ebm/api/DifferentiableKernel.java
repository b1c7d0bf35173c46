package dev.ebm.api;

import dev.ebm.autodiff.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A kernel whose step is a differentiable function of the position and the energy's parameters once its noise is
 * fixed, so that a chain's end point can be recomputed on the tape as a function of θ (the KL term of contrastive
 * divergence and the KL auxiliary loss of Du et al. 2020 differentiate through sampling).
 *
 * <p>Metropolis–Hastings kernels (accept/reject) are not differentiable in this sense and do not implement it.
 */
public interface DifferentiableKernel extends SamplerKernel {

    /**
     * One step replayed on the tape: the position the step moves {@code x} to, given the noise the original step
     * reported ({@link StepInfo#noise()}). ∇ₓE is taken with {@code createGraph = true}, so the result depends on
     * the parameters of {@code target} (normally the trainable set) and on {@code x} through every op the step
     * used; piecewise operations (clipping, clamping) use constant masks, so derivatives are exact wherever no
     * element sits on a kink. The value must equal the original step's output to floating-point rounding when the
     * target and {@code x} have the original step's values.
     *
     * @param target the energy, the parameters to differentiate in, and the temperature the chain ran at
     * @param x the step's input position {@code [N, ...]}, a constant or a tensor on the tape
     * @param noise the noise the step added, or null for a step that drew none
     */
    Tensor replayStep(Target target, Tensor x, INDArray noise);

    /** Why this kernel, as configured, cannot replay its steps (empty when it can). */
    default java.util.List<String> replayProblems() {
        return java.util.List.of();
    }

    /**
     * The last {@code steps} steps of {@code trace} replayed on the tape (all of them when {@code steps} is at least
     * the trace's length), starting from the recorded input position of the first replayed step: earlier steps
     * stay frozen at their recorded values.
     *
     * @return the chains' end point as a tensor on the tape, {@code [N, ...]}
     */
    default Tensor replay(Target target, ChainRun.Trace trace, int steps) {
        int b = Math.min(Math.max(steps, 0), trace.steps());
        int from = trace.steps() - b;
        if (b == 0) {
            throw new IllegalArgumentException("nothing to replay: the trace holds " + trace.steps()
                    + " steps and " + steps + " were asked for");
        }
        Tensor x = Tensor.constant(trace.positions().get(from));
        for (int j = from; j < trace.steps(); j++) {
            x = replayStep(target, x, trace.noise().get(j));
        }
        return x;
    }
}
