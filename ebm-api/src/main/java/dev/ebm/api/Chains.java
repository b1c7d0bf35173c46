package dev.ebm.api;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The driver that runs a kernel for a number of steps, applying transitions every {@code every} steps. */
public final class Chains {
    private Chains() {}

    /**
     * Runs {@code steps} kernel steps from {@code x0}. The returned arrays are fresh; {@code x0} is not mutated.
     *
     * @param transitions applied to the positions after every {@code every}-th step (the state is then
     *     re-initialised at the moved positions); empty for none
     */
    public static ChainRun run(SamplerKernel kernel, Target target, INDArray x0, int steps, Rng rng,
            List<Transition> transitions, int every) {
        ChainState state = kernel.init(target, x0);
        double acceptSum = 0;
        int acceptCount = 0;
        for (int t = 0; t < steps; t++) {
            SamplerKernel.Step step = kernel.step(target, state, rng);
            state = step.state();
            double rate = step.info().acceptRate();
            if (!Double.isNaN(rate)) {
                acceptSum += rate;
                acceptCount++;
            }
            if (!transitions.isEmpty() && every > 0 && (t + 1) % every == 0 && t + 1 < steps) {
                INDArray moved = state.x();
                for (Transition tr : transitions) {
                    moved = tr.apply(moved, rng);
                }
                state = kernel.init(target, moved);
            }
        }
        return new ChainRun(x0, state, acceptCount == 0 ? Double.NaN : acceptSum / acceptCount, steps);
    }

    public static ChainRun run(SamplerKernel kernel, Target target, INDArray x0, Rng rng) {
        return run(kernel, target, x0, kernel.steps(), rng, List.of(), 0);
    }
}
