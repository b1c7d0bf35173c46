package dev.ebm.estimators.ais;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.autodiff.Tensor;
import dev.ebm.estimators.proposal.DifferentiableProposal;

/**
 * The energy of one point on the geometric path from a normalised base q to the model exp(−E):
 * E_β(x) = (1 − β)·(−log q(x)) + β·E(x), so exp(−E_0) = q and exp(−E_1) = exp(−E). At β = 0 the model's energy is
 * not evaluated at all. The model's parameters are read as given to {@link #energy(Tensor, ParameterSet)}.
 */
public final class GeometricPath implements EnergyFunction {
    private final EnergyFunction model;
    private final DifferentiableProposal base;
    private final double beta;

    public GeometricPath(EnergyFunction model, DifferentiableProposal base, double beta) {
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], found " + beta);
        }
        this.model = model;
        this.base = base;
        this.beta = beta;
    }

    public double beta() {
        return beta;
    }

    @Override
    public ParameterSet parameters() {
        return model.parameters();
    }

    @Override
    public long[] sampleShape() {
        return model.sampleShape();
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet params) {
        long n = x.shape()[0];
        Tensor flat = x.rank() == 2 ? x : x.reshape(n, x.value().length() / n);
        Tensor baseEnergy = base.logDensity(flat).neg();
        if (beta == 0) {
            return baseEnergy;
        }
        Tensor e = model.energy(x, params);
        if (beta == 1) {
            return e;
        }
        return baseEnergy.mul(1 - beta).add(e.mul(beta));
    }
}
