package dev.ebm.autodiff;

/** f⁽ᵏ⁾(x) of a {@link Nonlinearity} for one element, in double: the tails of the vectorised kernels. */
final class Scalar {
    private Scalar() {}

    static double value(Nonlinearity f, int order, double z) {
        switch (f) {
            case SWISH -> {
                double s = sigmoid(z);
                return order == 0 ? z * s : order == 1 ? s * (1 + z * (1 - s)) : s * (1 - s) * (2 + z * (1 - 2 * s));
            }
            case TANH -> {
                double t = Math.tanh(z);
                return order == 0 ? t : order == 1 ? 1 - t * t : -2 * t * (1 - t * t);
            }
            case SIGMOID -> {
                double s = sigmoid(z);
                return order == 0 ? s : order == 1 ? s * (1 - s) : s * (1 - s) * (1 - 2 * s);
            }
            case SOFTPLUS -> {
                if (order == 0) {
                    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                }
                double s = sigmoid(z);
                return order == 1 ? s : s * (1 - s);
            }
            default -> throw new IllegalStateException(f.name());
        }
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
