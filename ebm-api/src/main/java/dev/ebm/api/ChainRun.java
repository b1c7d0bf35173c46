package dev.ebm.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The outcome of running chains for a number of steps.
 *
 * @param start the chains' start positions (the negative source's draw, after transitions)
 * @param end the final state
 * @param acceptRate mean acceptance over chains and the steps after warm-up (over the warm-up steps when the run
 *     was all warm-up), NaN for kernels without a test
 * @param steps the number of kernel steps taken
 * @param trace the record of the last steps, when the run was asked to keep one (see
 *     {@link Chains#run(SamplerKernel, Target, INDArray, int, Rng, List, int, int)}), or null
 * @param diagnostics each of the steps' {@link StepInfo#diagnostics() named diagnostics} averaged over the steps
 *     after warm-up that reported it (over the warm-up steps when the run was all warm-up); NaN values are
 *     skipped
 */
public record ChainRun(INDArray start, ChainState end, double acceptRate, int steps, Trace trace,
        Map<String, Double> diagnostics) {

    public ChainRun {
        diagnostics = diagnostics == null || diagnostics.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /** A run that kept no trace and has no named diagnostics. */
    public ChainRun(INDArray start, ChainState end, double acceptRate, int steps) {
        this(start, end, acceptRate, steps, null, Map.of());
    }

    /** A run with a trace (or null) and no named diagnostics. */
    public ChainRun(INDArray start, ChainState end, double acceptRate, int steps, Trace trace) {
        this(start, end, acceptRate, steps, trace, Map.of());
    }

    /** A run without a trace. */
    public ChainRun(INDArray start, ChainState end, double acceptRate, int steps, Map<String, Double> diagnostics) {
        this(start, end, acceptRate, steps, null, diagnostics);
    }

    /**
     * The last steps of a run, enough to recompute the end point from an earlier position: step j of the trace
     * (j = 0 .. {@link #steps()} − 1, in order) moved {@code positions.get(j)} to {@code positions.get(j + 1)}
     * (the last one to the run's end point), adding {@code noise.get(j)} ({@link StepInfo#noise()}, null for a step
     * that drew none). A transition applied inside the recorded window restarts the trace at the moved positions,
     * so a trace never spans a transition and may hold fewer steps than were asked for.
     *
     * @param positions the input positions of the recorded steps {@code [N, ...]} each (the states' own arrays)
     * @param noise the noise each recorded step added, one entry per step (entries may be null)
     */
    public record Trace(List<INDArray> positions, List<INDArray> noise) {
        public Trace {
            if (positions.size() != noise.size()) {
                throw new IllegalArgumentException("a trace needs one noise entry per step, found "
                        + positions.size() + " positions and " + noise.size() + " noise entries");
            }
            positions = Collections.unmodifiableList(new java.util.ArrayList<>(positions));
            noise = Collections.unmodifiableList(new java.util.ArrayList<>(noise));
        }

        /** Number of recorded steps. */
        public int steps() {
            return positions.size();
        }
    }
}
