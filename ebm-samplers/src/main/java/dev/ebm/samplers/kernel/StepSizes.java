package dev.ebm.samplers.kernel;

import dev.ebm.api.ChainState;
import dev.ebm.api.StepInfo;
import org.nd4j.linalg.api.buffer.DataType;

/** The step size a state carries, and its adaptation in warm-up (see {@code StepAdapt}). */
final class StepSizes {
    private StepSizes() {}

    /** The state's step size, or {@code fallback} when the state carries none. */
    static double current(ChainState state, double fallback) {
        double h = state.stepSize();
        return h > 0 && Double.isFinite(h) ? h : fallback;
    }

    /**
     * The state with its step size multiplied by exp(γ_t·(ᾱ − target)), γ_t = 2·(t + 1)^−0.6, where ᾱ is the mean
     * acceptance probability of the step just taken (chains with a NaN probability are ignored).
     */
    static ChainState adapt(ChainState state, StepInfo info, int t, double target, double fallback) {
        if (info.acceptProb() == null) {
            return state;
        }
        double[] p = info.acceptProb().castTo(DataType.DOUBLE).toDoubleVector();
        double sum = 0;
        int count = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        if (count == 0) {
            return state;
        }
        double gain = 2 * Math.pow(t + 1, -0.6);
        double h = current(state, fallback) * Math.exp(gain * (sum / count - target));
        return state.withStepSize(h);
    }
}
