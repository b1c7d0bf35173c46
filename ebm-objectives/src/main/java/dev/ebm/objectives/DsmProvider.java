package dev.ebm.objectives;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import dev.ebm.objectives.spec.DsmSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Provides {@code dsm}: denoising score matching (see {@link DsmSpec}). Needs no negative samples. */
public final class DsmProvider implements ObjectiveProvider {
    @Override
    public String type() {
        return "dsm";
    }

    @Override
    public Class<DsmSpec> specType() {
        return DsmSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        return new Term(((DsmSpec) spec).sigma());
    }

    @Override
    public TermRole role(ObjectiveSpec spec) {
        return TermRole.sampleFree("denoising score matching (fits the score of the data convolved with Gaussian "
                + "noise)", "The dsm term matches ∇ₓE to the score of the noised data; it needs no MCMC, and the "
                + "density it recovers is the data's convolved with N(0, σ²I).");
    }

    @Override
    public String description() {
        return "denoising score matching: mean 1/2 |sigma grad_x E(x + sigma xi) - xi|^2 (no negative samples)";
    }

    /** The term: noise from the batch's generator, ∇ₓE recorded on the tape so the loss is differentiable in θ. */
    static final class Term implements ObjectiveTerm {
        private final double sigma;

        Term(double sigma) {
            this.sigma = sigma;
        }

        @Override
        public Tensor loss(TrainBatch batch) {
            INDArray x = batch.xPos().value();
            INDArray xi = batch.rng().normal(x.dataType(), x.shape());
            Tensor noisy = Tensor.variable(x.add(xi.mul(sigma)));
            Tensor e = batch.energy().energy(noisy);
            Tensor grad = Autodiff.grad(e.sum(), noisy, true);
            Tensor residual = grad.mul(sigma).sub(Tensor.constant(xi));
            return residual.square().sum().mul(0.5 / x.size(0));
        }

        @Override
        public boolean needsNegatives() {
            return false;
        }
    }
}
