package dev.ebm.api;

import dev.ebm.autodiff.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * What objective terms see in one training step. The energies at the positive and negative samples are computed
 * once, with the trainable parameters, and shared by all terms.
 *
 * <p>When no term of the objective {@linkplain ObjectiveTerm#needsNegatives() needs negatives}, the runner runs no
 * chains: {@code xNeg}, {@code kernel} and {@code chains} are null, and {@link #hasNegatives()} is false.
 */
public final class TrainBatch {
    private final Tensor xPos;
    private final Tensor xNeg;
    private final EnergyFunction energy;
    private final SamplerKernel kernel;
    private final ChainRun chains;
    private final Target target;
    private final Rng rng;
    private Tensor ePos;
    private Tensor eNeg;
    private final Map<Integer, Tensor> replayed = new HashMap<>();

    /**
     * @param xPos data batch {@code [B, ...]}
     * @param xNeg chain end points {@code [N, ...]} (constants: no gradient flows through the sampler here), or
     *     null when the step drew no negatives
     * @param energy the energy being trained
     * @param kernel the sampler kernel, for terms that replay steps on the tape, or null without negatives
     * @param chains the record of the chain run that produced {@code xNeg}, or null without negatives
     * @param target what the sampler sampled (the energy with detached parameters)
     * @param rng randomness for the terms of this step
     */
    public TrainBatch(Tensor xPos, Tensor xNeg, EnergyFunction energy, SamplerKernel kernel, ChainRun chains,
            Target target, Rng rng) {
        this.xPos = xPos;
        this.xNeg = xNeg;
        this.energy = energy;
        this.kernel = kernel;
        this.chains = chains;
        this.target = target;
        this.rng = rng;
    }

    public Tensor xPos() {
        return xPos;
    }

    /** The negative samples, or null when the step drew none. */
    public Tensor xNeg() {
        return xNeg;
    }

    /** Whether this step drew negative samples. */
    public boolean hasNegatives() {
        return xNeg != null;
    }

    public EnergyFunction energy() {
        return energy;
    }

    public SamplerKernel kernel() {
        return kernel;
    }

    public ChainRun chains() {
        return chains;
    }

    public Target target() {
        return target;
    }

    public Rng rng() {
        return rng;
    }

    /**
     * The chain end points x_K(θ) recomputed on the tape from the last {@code steps} recorded sampler steps (all
     * recorded steps when {@code steps} is larger, e.g. {@link Integer#MAX_VALUE}): the recorded start of those steps
     * and the recorded noise are held fixed, and each step is replayed with the energy's trainable parameters
     * ({@link DifferentiableKernel#replay}). Its value is x− (to rounding); its gradient flows into θ through the
     * replayed steps only. Computed once per number of steps and shared by the terms that ask.
     *
     * @throws IllegalStateException when the kernel cannot replay steps or the run kept no trace
     */
    public Tensor replayedNegatives(int steps) {
        if (!(kernel instanceof DifferentiableKernel dk)) {
            throw new IllegalStateException(kernel.getClass().getSimpleName() + " cannot replay its steps on the tape"
                    + " (a Metropolis accept/reject step is not differentiable); use langevin or gd");
        }
        if (chains.trace() == null || chains.trace().steps() == 0) {
            throw new IllegalStateException("the chain run kept no trace of its steps: run the chains with the"
                    + " largest ObjectiveTerm.replaySteps() of the objective's terms");
        }
        int b = Math.min(Math.max(steps, 1), chains.trace().steps());
        Tensor x = replayed.get(b);
        if (x == null) {
            Target onTape = new Target(energy, energy.parameters(), target.temperature());
            x = dk.replay(onTape, chains.trace(), b);
            replayed.put(b, x);
        }
        return x;
    }

    /** E_θ(x+) {@code [B]}, differentiable in θ. */
    public Tensor ePos() {
        if (ePos == null) {
            ePos = energy.energy(xPos);
        }
        return ePos;
    }

    /**
     * E_θ(x−) {@code [N]}, differentiable in θ.
     *
     * @throws IllegalStateException when the step drew no negatives
     */
    public Tensor eNeg() {
        if (xNeg == null) {
            throw new IllegalStateException("this step drew no negative samples: a term that reads them must "
                    + "return true from needsNegatives()");
        }
        if (eNeg == null) {
            eNeg = energy.energy(xNeg);
        }
        return eNeg;
    }
}
