package dev.ebm.autodiff;

/**
 * The smooth activations that have fused kernels: f, f′ and f″ evaluated in one pass over the data (see
 * {@link Tensor#addBiasThen}). Each also has a reference form made of ordinary differentiable tensor ops, which
 * the fused ops use when the fused kernels are off and to record derivatives of third order and above.
 */
public enum Nonlinearity {
    /** SiLU: x·σ(x). */
    SWISH,
    /** tanh(x). */
    TANH,
    /** σ(x) = 1/(1 + e^−x). */
    SIGMOID,
    /** log(1 + eˣ). */
    SOFTPLUS;

    /** f(z) with the plain ops ({@link Tensor#swish()}, ...). */
    Tensor reference(Tensor z) {
        return switch (this) {
            case SWISH -> Activations.swish(z);
            case TANH -> Activations.tanh(z);
            case SIGMOID -> Activations.sigmoid(z);
            case SOFTPLUS -> Activations.softplus(z);
        };
    }

    /** The derivative of the given order (1 or 2) at z, composed of differentiable tensor ops. */
    Tensor referenceDerivative(int order, Tensor z) {
        switch (this) {
            case SWISH -> {
                Tensor s = z.sigmoid();
                Tensor oneMinus = s.neg().add(1.0);
                // f' = s(1 + z(1 − s)); f'' = s(1 − s)(2 + z(1 − 2s))
                return order == 1 ? s.mul(z.mul(oneMinus).add(1.0))
                        : s.mul(oneMinus).mul(z.mul(s.mul(-2.0).add(1.0)).add(2.0));
            }
            case TANH -> {
                Tensor t = z.tanh();
                Tensor d = t.square().neg().add(1.0);
                // f' = 1 − t²; f'' = −2t(1 − t²)
                return order == 1 ? d : t.mul(d).mul(-2.0);
            }
            case SIGMOID -> {
                Tensor s = z.sigmoid();
                Tensor d = s.mul(s.neg().add(1.0));
                // f' = s(1 − s); f'' = s(1 − s)(1 − 2s)
                return order == 1 ? d : d.mul(s.mul(-2.0).add(1.0));
            }
            case SOFTPLUS -> {
                Tensor s = z.sigmoid();
                // f' = σ; f'' = σ(1 − σ)
                return order == 1 ? s : s.mul(s.neg().add(1.0));
            }
            default -> throw new IllegalStateException(name());
        }
    }
}
