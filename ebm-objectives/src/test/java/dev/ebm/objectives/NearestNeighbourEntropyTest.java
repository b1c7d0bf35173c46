package dev.ebm.objectives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Rng;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Kozachenko–Leonenko estimate against Gaussian entropies, closed forms and finite differences. */
class NearestNeighbourEntropyTest {
    private static DataType savedDefault;

    @BeforeAll
    static void doubles() {
        savedDefault = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restore() {
        Nd4j.setDefaultDataTypes(savedDefault, savedDefault);
    }

    static double estimate(INDArray x) {
        return NearestNeighbourEntropy.estimate(Tensor.constant(x), null).item();
    }

    /**
     * On independent samples of N(0, σ²I) in d dimensions, the difference of the estimates at σ₂ and σ₁ is
     * d·log(σ₂/σ₁) (the entropy's difference); and with the dropped constants ψ(n) − ψ(1) + log V_d added back the
     * estimate is the Gaussian entropy (d/2)·log(2πeσ²).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void differencesBetweenGaussianWidthsAreDTimesTheLogRatio(int d) {
        int n = 3000;
        int reps = 4;
        double s1 = 0.5;
        double s2 = 2.0;
        double diff = 0;
        double abs = 0;
        for (int r = 0; r < reps; r++) {
            double h1 = estimate(new Rng(100 * d + r).normal(DataType.DOUBLE, n, d).muli(s1));
            double h2 = estimate(new Rng(200 * d + r).normal(DataType.DOUBLE, n, d).muli(s2));
            diff += (h2 - h1) / reps;
            abs += (h1 + constant(n, d) - gaussianEntropy(d, s1)) / reps;
        }
        System.out.printf("[entropy] d=%d: H(σ=2) − H(σ=0.5) = %.4f, d·log 4 = %.4f; with constants, error vs the "
                + "exact entropy %.4f%n", d, diff, d * Math.log(4), abs);
        assertThat(diff).isCloseTo(d * Math.log(s2 / s1), within(0.1));
        assertThat(abs).isCloseTo(0.0, within(0.1));
    }

    /** ψ(n) − ψ(1) + log V_d, V_d = π^{d/2}/Γ(d/2 + 1). */
    static double constant(int n, int d) {
        double psiN = Math.log(n) - 1.0 / (2 * n) - 1.0 / (12.0 * n * n);
        double psi1 = -0.5772156649015329;
        double logV = switch (d) {
            case 1 -> Math.log(2);
            case 2 -> Math.log(Math.PI);
            case 5 -> Math.log(8 * Math.PI * Math.PI / 15);
            default -> throw new IllegalArgumentException("d " + d);
        };
        return psiN - psi1 + logV;
    }

    static double gaussianEntropy(int d, double sigma) {
        return 0.5 * d * Math.log(2 * Math.PI * Math.E * sigma * sigma);
    }

    @Test
    void twoPointsAreEachOthersNeighbourAndAPointIsNeverItsOwn() {
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 0, 0}, {3, 4, 0}});
        // d = 3, n = 2: (3/2)·(log 5 + log 5)
        assertThat(estimate(x)).isCloseTo(3 * Math.log(5), within(1e-9));
        // a reference point at (1, 0, 0) is the nearest neighbour of both: NN = 1 and √20
        INDArray ref = Nd4j.createFromArray(new double[][] {{1, 0, 0}});
        assertThat(NearestNeighbourEntropy.estimate(Tensor.constant(x), ref).item())
                .isCloseTo(1.5 * (Math.log(1) + Math.log(Math.sqrt(20))), within(1e-9));
        // one point alone has no neighbour: the estimate is 0, not a NaN
        assertThat(estimate(Nd4j.createFromArray(new double[][] {{1, 2}}))).isEqualTo(0.0);
    }

    /** The gradient of the estimate (batch neighbours on the tape, memory neighbours constant) against FD. */
    @Test
    void gradientMatchesFiniteDifferences() {
        Rng rng = new Rng(7);
        INDArray x = rng.normal(DataType.DOUBLE, 20, 3);
        INDArray ref = rng.normal(DataType.DOUBLE, 10, 3);
        Tensor xt = Tensor.variable(x);
        Tensor h = NearestNeighbourEntropy.estimate(xt, ref);
        assertThat(h.item()).isCloseTo(Setup.entropy(x, ref), within(1e-12));
        double[] g = Autodiff.grad(h, List.of(xt), false).get(0).value().reshape(60).toDoubleVector();
        double step = 1e-6;
        int fromReference = 0;
        for (int i = 0; i < 60; i++) {
            double v = x.getDouble(i);
            x.putScalar(i, v + step);
            double plus = Setup.entropy(x, ref);
            x.putScalar(i, v - step);
            double minus = Setup.entropy(x, ref);
            x.putScalar(i, v);
            double fd = (plus - minus) / (2 * step);
            assertThat(g[i]).as("element %d", i).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
        }
        // both kinds of neighbour occur, so both paths are exercised
        for (int i = 0; i < 20; i++) {
            INDArray xi = x.getRow(i);
            double toBatch = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 20; j++) {
                if (j != i) {
                    toBatch = Math.min(toBatch, xi.distance2(x.getRow(j)));
                }
            }
            double toRef = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 10; j++) {
                toRef = Math.min(toRef, xi.distance2(ref.getRow(j)));
            }
            fromReference += toRef < toBatch ? 1 : 0;
        }
        assertThat(fromReference).isBetween(1, 19);
    }
}
