package dev.ebm.api;

import dev.ebm.autodiff.Tensor;

/**
 * What objective terms see in one training step. The energies at the positive and negative samples are computed
 * once, with the trainable parameters, and shared by all terms.
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

    /**
     * @param xPos data batch {@code [B, ...]}
     * @param xNeg chain end points {@code [N, ...]} (constants: no gradient flows through the sampler here)
     * @param energy the energy being trained
     * @param kernel the sampler kernel, for terms that replay steps on the tape
     * @param chains the record of the chain run that produced {@code xNeg}
     * @param target what the sampler sampled
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

    public Tensor xNeg() {
        return xNeg;
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

    /** E_θ(x+) {@code [B]}, differentiable in θ. */
    public Tensor ePos() {
        if (ePos == null) {
            ePos = energy.energy(xPos);
        }
        return ePos;
    }

    /** E_θ(x−) {@code [N]}, differentiable in θ. */
    public Tensor eNeg() {
        if (eNeg == null) {
            eNeg = energy.energy(xNeg);
        }
        return eNeg;
    }
}
