package dev.ebm.autodiff;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector loops of the fused kernels in float64: {@code out[i] = g[i] · f⁽ᵏ⁾(x[i] + b[i mod b.length])} over
 * whole vectors, one straight-line loop per nonlinearity f and derivative order k (the same operations in the same
 * order as the scalar twin {@link FusedKernels#scalar}). No vector value is merged from two control paths inside a
 * loop: where one was (a switch over f and k, an optional factor), JDK 17's C2 boxed every intermediate vector on
 * the heap (measured: 12–18 bytes allocated per element, four times the time, and a Java heap that grew past a
 * gigabyte in training runs). "No factor" is a factor of ones and "no bias" a bias of −0, which change no bit
 * (v · 1 = v and x + (−0) = x exactly). {@code b.length} is a multiple of the vector length; {@code n} of it too.
 */
final class DoubleLoops {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleLoops() {}

    /** out = g ⊙ f⁽order⁾(x + b) over the first {@code n} elements ({@code n} a multiple of the vector length). */
    static void run(Nonlinearity f, int order, double[] x, double[] b, double[] g, double[] out, int n) {
        switch (f) {
            case SWISH -> {
                if (order == 0) {
                    swish0(x, b, g, out, n);
                } else if (order == 1) {
                    swish1(x, b, g, out, n);
                } else {
                    swish2(x, b, g, out, n);
                }
            }
            case TANH -> {
                if (order == 0) {
                    tanh0(x, b, g, out, n);
                } else if (order == 1) {
                    tanh1(x, b, g, out, n);
                } else {
                    tanh2(x, b, g, out, n);
                }
            }
            case SIGMOID -> {
                if (order == 0) {
                    sigmoid0(x, b, g, out, n);
                } else if (order == 1) {
                    sigmoid1(x, b, g, out, n);
                } else {
                    sigmoid2(x, b, g, out, n);
                }
            }
            case SOFTPLUS -> {
                if (order == 1) {
                    softplus1(x, b, g, out, n);
                } else if (order == 2) {
                    softplus2(x, b, g, out, n);
                } else {
                    throw new IllegalStateException("softplus has no vector form (order 0: log1p)");
                }
            }
            default -> throw new IllegalStateException(f + " order " + order);
        }
    }

    private static void swish0(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            DoubleVector s = sigmoid(z);
            store(z.mul(s), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void swish1(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            DoubleVector s = sigmoid(z);
            DoubleVector oneMinus = s.neg().add(1.0);
            store(s.mul(z.mul(oneMinus).add(1.0)), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void swish2(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            DoubleVector s = sigmoid(z);
            DoubleVector oneMinus = s.neg().add(1.0);
            store(s.mul(oneMinus).mul(z.mul(s.mul(-2.0).add(1.0)).add(2.0)), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void tanh0(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            store(tanh(z), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void tanh1(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            DoubleVector t = tanh(z);
            store(t.mul(t).neg().add(1.0), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void tanh2(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            DoubleVector t = tanh(z);
            DoubleVector d = t.mul(t).neg().add(1.0);
            store(t.mul(d).mul(-2.0), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void sigmoid0(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            store(sigmoid(z), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void sigmoid1(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            DoubleVector s = sigmoid(z);
            store(s.mul(s.neg().add(1.0)), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void sigmoid2(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            DoubleVector s = sigmoid(z);
            DoubleVector d = s.mul(s.neg().add(1.0));
            store(d.mul(s.mul(-2.0).add(1.0)), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void softplus1(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            store(sigmoid(z), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void softplus2(double[] x, double[] b, double[] g, double[] out, int n) {
        for (int i = 0, j = 0; i < n; i += S.length()) {
            DoubleVector z = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, b, j));
            DoubleVector s = sigmoid(z);
            store(s.mul(s.neg().add(1.0)), g, out, i);
            j += S.length();
            j = j == b.length ? 0 : j;
        }
    }

    private static void store(DoubleVector v, double[] g, double[] out, int i) {
        v.mul(DoubleVector.fromArray(S, g, i)).intoArray(out, i);
    }

    private static DoubleVector sigmoid(DoubleVector z) {
        return DoubleVector.broadcast(S, 1.0).div(VecMath.exp(z.neg()).add(1.0));
    }

    /** tanh z = 1 − 2/(e^2z + 1). */
    private static DoubleVector tanh(DoubleVector z) {
        return DoubleVector.broadcast(S, 1.0).sub(DoubleVector.broadcast(S, 2.0).div(VecMath.exp(z.mul(2.0)).add(1.0)));
    }
}
