package dev.ebm.api;

import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a sampler samples: exp(−E(x)/T) for an energy with fixed parameters and a temperature T.
 *
 * @param energy the energy function
 * @param params the parameters to evaluate it with; normally {@link ParameterSet#detached()}
 * @param temperature T > 0
 */
public record Target(EnergyFunction energy, ParameterSet params, double temperature) {

    public Target {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, found " + temperature);
        }
    }

    /** The energy at temperature 1 with detached parameters. */
    public static Target of(EnergyFunction energy) {
        return new Target(energy, energy.parameters().detached(), 1.0);
    }

    public Target atTemperature(double t) {
        return new Target(energy, params, t);
    }

    /** Tempered energies E(x)/T of shape [N] and their gradients in x, with no graph kept. */
    public Evaluation evaluate(INDArray x) {
        try (GradMode.Scope on = GradMode.on()) {
            Tensor xt = Tensor.variable(x);
            Tensor e = energy.energy(xt, params);
            if (temperature != 1.0) {
                e = e.mul(1.0 / temperature);
            }
            Tensor g = Autodiff.grad(e.sum(), xt, false);
            return new Evaluation(e.value(), g.value());
        }
    }

    /** Tempered energies only. */
    public INDArray energies(INDArray x) {
        try (GradMode.Scope off = GradMode.off()) {
            INDArray e = energy.energy(Tensor.constant(x), params).value();
            return temperature == 1.0 ? e : e.div(temperature);
        }
    }

    /** Energies {@code [N]} and their gradients in x {@code [N, ...]}. */
    public record Evaluation(INDArray energy, INDArray grad) {}
}
