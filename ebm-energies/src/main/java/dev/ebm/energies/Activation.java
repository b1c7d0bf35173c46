package dev.ebm.energies;

import dev.ebm.autodiff.Tensor;

/** The activations a spec names (see {@code MlpSpec.ACTIVATIONS}). */
final class Activation {
    private Activation() {}

    static Tensor apply(String name, double leak, Tensor h) {
        return switch (name) {
            case "swish" -> h.swish();
            case "softplus" -> h.softplus();
            case "leaky-relu" -> h.leakyRelu(leak);
            case "elu" -> h.elu(1.0);
            case "tanh" -> h.tanh();
            case "sigmoid" -> h.sigmoid();
            default -> throw new IllegalStateException("unknown activation " + name);
        };
    }
}
