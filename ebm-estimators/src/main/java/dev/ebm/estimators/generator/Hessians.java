package dev.ebm.estimators.generator;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact Hessians ∇²E(x) of an energy at a batch of points, by differentiating the recorded gradient again: one
 * backward pass for ∇E with its graph kept, then one vector-Jacobian product per coordinate j with the indicator of
 * column j, which gives row j of every point's Hessian at once (the points do not interact). Cost: d + 1 backward
 * passes per batch, so this is for low dimensions (the 2-D toys).
 */
public final class Hessians {
    private Hessians() {}

    /** Hessians and gradients of the points {@code x} {@code [n, ...sample shape]}, in double. */
    public record At(double[][][] hessian, double[][] gradient) {}

    /**
     * @param params the parameters to evaluate the energy with (normally {@link ParameterSet#detached()})
     * @return {@code hessian[i]} the d × d Hessian at point i (flattened coordinates), {@code gradient[i]} ∇E there
     */
    public static At of(EnergyFunction energy, ParameterSet params, INDArray x) {
        long n = x.size(0);
        int d = (int) (x.length() / n);
        double[][][] h = new double[(int) n][d][d];
        double[][] grad;
        try (GradMode.Scope on = GradMode.on()) {
            Tensor xt = Tensor.variable(x);
            Tensor e = energy.energy(xt, params);
            Tensor g = Autodiff.grad(e.sum(), xt, true);
            grad = g.value().reshape(n, d).castTo(DataType.DOUBLE).toDoubleMatrix();
            for (int j = 0; j < d; j++) {
                INDArray mask = Nd4j.zeros(x.dataType(), n, d);
                mask.getColumn(j).assign(1);
                Tensor row = Autodiff.grad(g, Tensor.constant(mask.reshape(x.shape())), List.of(xt), false).get(0);
                double[][] r = row.value().reshape(n, d).castTo(DataType.DOUBLE).toDoubleMatrix();
                for (int i = 0; i < n; i++) {
                    h[i][j] = r[i];
                }
            }
        }
        return new At(h, grad);
    }
}
