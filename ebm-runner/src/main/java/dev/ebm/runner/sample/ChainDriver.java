package dev.ebm.runner.sample;

import dev.ebm.api.ChainState;
import dev.ebm.api.Chains;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.api.Transition;
import dev.ebm.runner.train.StepWorkspace;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a kernel one step at a time with the protocol of {@link dev.ebm.api.Chains#run}: the first
 * {@link SamplerKernel#warmupSteps()} steps adapt ({@link SamplerKernel#adapt}, then
 * {@link SamplerKernel#endWarmup}), and transitions move the positions after every {@code every}-th step. Given the
 * same generator, it takes exactly the steps {@code Chains.run} takes, so a caller can look at every step.
 *
 * <p>Each step runs in its own ND4J workspace, so a run of any length keeps a flat memory footprint; the state
 * between steps lives in arrays outside workspaces that this driver owns and overwrites after every step. The
 * state an {@link Observer} sees is valid only during the call.
 */
public final class ChainDriver {
    private final SamplerKernel kernel;
    private final Target target;
    private final int steps;
    private final int warmup;
    private final List<Transition> transitions;
    private final int every;
    private ChainState state;
    private int t;

    /** Sees each step: its number (1-based), whether it was a warm-up step, the new state and the step's info. */
    @FunctionalInterface
    public interface Observer {
        void after(int step, boolean warmup, ChainState state, StepInfo info);
    }

    /**
     * @param x0 start positions (not retained or mutated)
     * @param steps the run's length, which bounds the warm-up as in {@code Chains.run}
     * @param transitions applied after every {@code every}-th step but the last; empty for none
     */
    public ChainDriver(SamplerKernel kernel, Target target, INDArray x0, int steps, List<Transition> transitions,
            int every) {
        this.kernel = kernel;
        this.target = target;
        this.steps = steps;
        this.warmup = Math.min(Math.max(kernel.warmupSteps(), 0), steps);
        this.transitions = List.copyOf(transitions);
        this.every = every;
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            ChainState s = kernel.init(target, x0);
            this.state = new ChainState(copy(s.x()), copy(s.energy()), copy(s.grad()), s.stepSize(), s.internal());
        }
    }

    /** The current state (owned by this driver: overwritten by the next step). */
    public ChainState state() {
        return state;
    }

    /** Steps taken so far. */
    public int stepsTaken() {
        return t;
    }

    /** Kernel steps that adapt (the kernel's warm-up, at most the run's length). */
    public int warmupSteps() {
        return warmup;
    }

    /** Takes the next step and shows it to {@code observer}. */
    public void step(Rng rng, Observer observer) {
        step(rng, null, observer);
    }

    /**
     * Takes the next step; {@code beforeTransitions} (when not null) sees the state after the kernel's step and its
     * adaptation but before this step's transitions move it — the same state {@code observer} sees when no
     * transition follows the step. The chains and the draws from {@code rng} are those of {@link #step(Rng,
     * Observer)}.
     */
    public void step(Rng rng, Observer beforeTransitions, Observer observer) {
        if (t >= steps) {
            throw new IllegalStateException("all " + steps + " steps are taken");
        }
        // A kernel with an internal part (replica exchange's hotter replicas, an annealing counter) keeps arrays
        // this driver cannot copy out of a workspace; its steps run outside one and the GC frees their memory.
        boolean opaque = state.internal() != null;
        try (MemoryWorkspace ws = opaque ? Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()
                : StepWorkspace.open("sample-step")) {
            SamplerKernel.Step step = kernel.step(target, state, rng);
            boolean warm = t < warmup;
            ChainState next;
            if (beforeTransitions == null) {
                next = Chains.finishStep(kernel, target, step.state(), step.info(), t, warmup, steps, transitions,
                        every, rng);
            } else {
                // adapt without transitions, show the state, then apply the transitions without adapting again
                ChainState adapted = Chains.finishStep(kernel, target, step.state(), step.info(), t, warmup, steps,
                        List.of(), every, rng);
                beforeTransitions.after(t + 1, warm, adapted, step.info());
                next = Chains.finishStep(kernel, target, adapted, step.info(), t, 0, steps, transitions, every, rng);
            }
            t++;
            observer.after(t, warm, next, step.info());
            if (opaque) {
                state = next;
            } else {
                keep(next);
            }
        }
    }

    /** Copies {@code next} into the arrays outside the workspace, which become the state. */
    private void keep(ChainState next) {
        assignInto(state.x(), next.x(), "positions");
        assignInto(state.energy(), next.energy(), "energies");
        assignInto(state.grad(), next.grad(), "gradients");
        state = new ChainState(state.x(), state.energy(), state.grad(), next.stepSize());
    }

    private static void assignInto(INDArray mine, INDArray theirs, String what) {
        if (mine == null || theirs == null) {
            if (mine != theirs) {
                throw new IllegalStateException("the kernel's state changed whether it carries " + what);
            }
            return;
        }
        if (mine != theirs) {
            mine.assign(theirs);
        }
    }

    private static INDArray copy(INDArray a) {
        return a == null ? null : a.dup();
    }
}
