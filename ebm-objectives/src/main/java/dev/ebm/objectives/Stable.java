package dev.ebm.objectives;

import dev.ebm.autodiff.Tensor;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Numerically stable compositions of tape ops shared by the objective terms. */
final class Stable {
    private Stable() {}

    /**
     * softplus(z) = log(1 + eᶻ) elementwise, as max(z, 0) + log(1 + e^−|z|), which does not overflow for large z
     * (the plain form is infinite beyond z ≈ 88 in float32); its derivative is σ(z) everywhere.
     */
    static Tensor softplus(Tensor z) {
        Tensor abs = z.mul(Tensor.constant(Transforms.sign(z.value(), true)));
        return z.add(abs).mul(0.5).add(abs.neg().softplus());
    }

    /**
     * log(mean_j exp(a_j)) of a vector, shifted by the (constant) maximum so that no exponential overflows:
     * m + log mean exp(a − m). The shift is exact, so the gradient is softmax(a).
     */
    static Tensor logMeanExp(Tensor a) {
        double m = a.value().maxNumber().doubleValue();
        return a.add(-m).exp().mean().log().add(m);
    }
}
