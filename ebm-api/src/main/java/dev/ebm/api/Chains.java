package dev.ebm.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The driver that runs a kernel for a number of steps, applying transitions every {@code every} steps.
 *
 * <p>The first {@link SamplerKernel#warmupSteps()} steps of a run are warm-up: after each of them the kernel may
 * adapt its step size ({@link SamplerKernel#adapt}), and after the last one the driver calls
 * {@link SamplerKernel#endWarmup}. Kernels without warm-up (the default) run exactly as before.
 */
public final class Chains {
    private Chains() {}

    /**
     * Runs {@code steps} kernel steps from {@code x0}. The returned arrays are fresh; {@code x0} is not mutated.
     *
     * @param transitions applied in order to the positions after every {@code every}-th step except the last (the
     *     kernel then moves its state there with {@link SamplerKernel#moveTo}, keeping the current step size);
     *     empty for none
     */
    public static ChainRun run(SamplerKernel kernel, Target target, INDArray x0, int steps, Rng rng,
            List<Transition> transitions, int every) {
        return run(kernel, target, x0, steps, rng, transitions, every, 0);
    }

    /**
     * Runs {@code steps} kernel steps from {@code x0} and keeps a {@link ChainRun.Trace} of the last
     * {@code recordSteps} of them (all of them when {@code recordSteps >= steps}, e.g. {@link Integer#MAX_VALUE}):
     * the input position of each recorded step and the noise it reported. The trace holds references to arrays the
     * run allocates anyway, so it costs no copies; with {@code recordSteps = 0} nothing is kept and the run's
     * {@link ChainRun#trace()} is null.
     *
     * @param transitions applied to the positions after every {@code every}-th step (the state is then
     *     re-initialised at the moved positions, keeping the current step size); empty for none. A transition
     *     inside the recorded window restarts the trace at the moved positions.
     */
    public static ChainRun run(SamplerKernel kernel, Target target, INDArray x0, int steps, Rng rng,
            List<Transition> transitions, int every, int recordSteps) {
        int record = Math.min(Math.max(recordSteps, 0), steps);
        List<INDArray> positions = record > 0 ? new ArrayList<>(record) : null;
        List<INDArray> noise = record > 0 ? new ArrayList<>(record) : null;
        ChainState state = kernel.init(target, x0);
        int warmup = Math.min(Math.max(kernel.warmupSteps(), 0), steps);
        Mean accept = new Mean();
        Mean warmAccept = new Mean();
        Map<String, Mean> diagnostics = new LinkedHashMap<>();
        Map<String, Mean> warmDiagnostics = new LinkedHashMap<>();
        // Each step runs in a scratch workspace of its own and only the new state is kept (copied to the enclosing
        // workspace, or to ordinary memory without one): a run of K steps then holds one step's temporaries, not K
        // steps' worth. Kernels whose states carry an internal part (replica exchange, annealing) keep the
        // enclosing workspace, since that part may hold arrays.
        boolean scratch = state.internal() == null;
        for (int t = 0; t < steps; t++) {
            boolean recorded = record > 0 && t >= steps - record;
            if (recorded) {
                positions.add(state.x());
            }
            try (MemoryWorkspace ws = scratch ? ChainWorkspace.open() : null) {
                SamplerKernel.Step step = kernel.step(target, state, rng);
                state = step.state();
                if (recorded) {
                    noise.add(scratch ? ChainWorkspace.keep(step.info().noise()) : step.info().noise());
                }
                boolean warm = t < warmup;
                (warm ? warmAccept : accept).add(step.info().acceptRate());
                Map<String, Mean> sink = warm ? warmDiagnostics : diagnostics;
                step.info().diagnostics().forEach((k, v) -> sink.computeIfAbsent(k, key -> new Mean()).add(v));
                state = finishStep(kernel, target, state, step.info(), t, warmup, steps, transitions, every, rng);
                if (scratch) {
                    state = ChainWorkspace.keep(state);
                }
            }
            if (recorded && transitionAfter(t, steps, transitions, every)) {
                positions.clear();
                noise.clear();
            }
        }
        // Acceptance and diagnostics after warm-up; a run that was all warm-up reports its warm-up values.
        boolean sampled = warmup < steps;
        double acceptRate = sampled ? accept.value() : warmAccept.value();
        Map<String, Double> means = new LinkedHashMap<>();
        (sampled ? diagnostics : warmDiagnostics).forEach((k, m) -> means.put(k, m.value()));
        ChainRun.Trace trace = record > 0 ? new ChainRun.Trace(positions, noise) : null;
        return new ChainRun(x0, state, acceptRate, steps, trace, means);
    }

    public static ChainRun run(SamplerKernel kernel, Target target, INDArray x0, Rng rng) {
        return run(kernel, target, x0, kernel.steps(), rng, List.of(), 0);
    }

    /** {@link #run(SamplerKernel, Target, INDArray, Rng)} keeping a trace of the last {@code recordSteps} steps. */
    public static ChainRun run(SamplerKernel kernel, Target target, INDArray x0, Rng rng, int recordSteps) {
        return run(kernel, target, x0, kernel.steps(), rng, List.of(), 0, recordSteps);
    }

    /**
     * What the driver does after the kernel's step {@code t} (counted from 0) of a run of {@code steps}: during
     * warm-up, {@link SamplerKernel#adapt} (and {@link SamplerKernel#endWarmup} after the last warm-up step); then,
     * when {@link #transitionAfter} says so, the transitions and {@link SamplerKernel#moveTo}. Step-by-step drivers
     * call this so that they run exactly the chains {@link #run} runs.
     *
     * @param warmup the run's warm-up length, {@code min(max(kernel.warmupSteps(), 0), steps)}
     */
    public static ChainState finishStep(SamplerKernel kernel, Target target, ChainState state, StepInfo info, int t,
            int warmup, int steps, List<Transition> transitions, int every, Rng rng) {
        if (t < warmup) {
            state = kernel.adapt(state, info, t);
            if (t + 1 == warmup) {
                state = kernel.endWarmup(state);
            }
        }
        if (transitionAfter(t, steps, transitions, every)) {
            INDArray moved = state.x();
            for (Transition tr : transitions) {
                moved = tr.apply(moved, rng);
            }
            state = kernel.moveTo(target, state, moved);
        }
        return state;
    }

    /** Whether the transitions are applied after step {@code t}: every {@code every}-th step but the last. */
    public static boolean transitionAfter(int t, int steps, List<Transition> transitions, int every) {
        return !transitions.isEmpty() && every > 0 && (t + 1) % every == 0 && t + 1 < steps;
    }

    /** A running mean that skips NaN. */
    private static final class Mean {
        private double sum;
        private int count;

        void add(double v) {
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }

        double value() {
            return count > 0 ? sum / count : Double.NaN;
        }
    }
}
