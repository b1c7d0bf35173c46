package dev.ebm.objectives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Rng;
import dev.ebm.api.TrainBatch;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code softplus} and {@code logsumexp}: gradients against central finite differences of the loss and against
 * their documented closed forms; values against direct float64 computations, also where a naive evaluation
 * overflows.
 */
class ContrastiveTermsTest {
    private static final GaussianData DATA = new GaussianData(new double[] {1.0, -0.5},
            new double[][] {{1.0, 0.6}, {0.6, 0.8}});

    @BeforeAll
    static void float64() {
        Fixtures.float64();
    }

    private static GaussianEnergy model() {
        return new GaussianEnergy(new double[] {0.3, 0.2}, new double[][] {{1.2, 0.0}, {0.4, 0.9}});
    }

    private static double[] flat(List<Tensor> g) {
        double[] mu = g.get(0).value().ravel().toDoubleVector();
        double[] a = g.get(1).value().ravel().toDoubleVector();
        return new double[] {mu[0], mu[1], a[0], a[1], a[2], a[3]};
    }

    private static double[] gradient(ObjectiveTerm term, GaussianEnergy e, INDArray xPos, INDArray xNeg) {
        Tensor loss = term.loss(Fixtures.batch(xPos, xNeg, e, new Rng(0)));
        return flat(Autodiff.grad(loss, e.parameters().tensors(), false));
    }

    /** Central differences of the loss in each of the 6 parameters. */
    private static double[] finiteDifferences(ObjectiveTerm term, GaussianEnergy e, INDArray xPos, INDArray xNeg) {
        double h = 1e-5;
        double[] fd = new double[6];
        List<INDArray> arrays = List.copyOf(e.parameters().arrays().values());
        int k = 0;
        for (INDArray arr : arrays) {
            INDArray flat = arr.reshape(arr.length());
            for (int i = 0; i < arr.length(); i++, k++) {
                double v = flat.getDouble(i);
                flat.putScalar(i, v + h);
                double up = term.loss(Fixtures.batch(xPos, xNeg, e, new Rng(0))).item();
                flat.putScalar(i, v - h);
                double down = term.loss(Fixtures.batch(xPos, xNeg, e, new Rng(0))).item();
                flat.putScalar(i, v);
                fd[k] = (up - down) / (2 * h);
            }
        }
        return fd;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 5.0})
    void softplusGradientMatchesFiniteDifferencesAndItsClosedForm(double tau) {
        GaussianEnergy e = model();
        Rng rng = new Rng(11);
        INDArray xPos = DATA.batch(50, rng.split(), DataType.DOUBLE);
        INDArray xNeg = e.sample(rng.split(), 40).muli(1.5);
        ObjectiveTerm term = Fixtures.term("{\"type\":\"softplus\",\"temperature\":" + tau + "}");
        double[] g = gradient(term, e, xPos, xNeg);
        double[] fd = finiteDifferences(term, e, xPos, xNeg);
        // closed form: mean_ij σ((E+_i − E−_j)/τ)(∇E+_i − ∇E−_j), and the value τ·mean softplus(·/τ)
        double[][] p = GaussianEnergy.rows(xPos);
        double[][] n = GaussianEnergy.rows(xNeg);
        GaussianEnergy.Frozen f = e.frozen();
        double[] want = new double[6];
        double value = 0;
        for (double[] xp : p) {
            double ep = f.energyOf(xp);
            double[] gp = f.paramGrad(xp);
            for (double[] xn : n) {
                double d = (ep - f.energyOf(xn)) / tau;
                double s = sigmoid(d);
                double[] gn = f.paramGrad(xn);
                for (int k = 0; k < 6; k++) {
                    want[k] += s * (gp[k] - gn[k]) / (p.length * n.length);
                }
                value += tau * softplus(d) / (p.length * n.length);
            }
        }
        assertThat(term.loss(Fixtures.batch(xPos, xNeg, e, rng)).item()).isCloseTo(value, within(1e-12));
        for (int k = 0; k < 6; k++) {
            assertThat(g[k]).as("component %d vs finite differences", k).isCloseTo(fd[k], within(1e-7 * (1 + Math.abs(fd[k]))));
            assertThat(g[k]).as("component %d vs closed form", k).isCloseTo(want[k], within(1e-12 * (1 + Math.abs(want[k]))));
        }
        assertThat(Math.abs(g[2])).isGreaterThan(1e-3);
    }

    @Test
    void logsumexpGradientMatchesFiniteDifferencesAndTheSoftmaxWeightedForm() {
        GaussianEnergy e = model();
        Rng rng = new Rng(12);
        INDArray xPos = DATA.batch(60, rng.split(), DataType.DOUBLE);
        INDArray xNeg = e.sample(rng.split(), 45).muli(2.0);
        ObjectiveTerm term = Fixtures.term("{\"type\":\"logsumexp\"}");
        double[] g = gradient(term, e, xPos, xNeg);
        double[] fd = finiteDifferences(term, e, xPos, xNeg);
        double[][] p = GaussianEnergy.rows(xPos);
        double[][] n = GaussianEnergy.rows(xNeg);
        GaussianEnergy.Frozen f = e.frozen();
        double[] want = new double[6];
        for (double[] xp : p) {
            double[] gp = f.paramGrad(xp);
            for (int k = 0; k < 6; k++) {
                want[k] += gp[k] / p.length;
            }
        }
        double norm = 0;
        for (double[] xn : n) {
            norm += Math.exp(-f.energyOf(xn));
        }
        for (double[] xn : n) {
            double w = Math.exp(-f.energyOf(xn)) / norm;
            double[] gn = f.paramGrad(xn);
            for (int k = 0; k < 6; k++) {
                want[k] -= w * gn[k];
            }
        }
        for (int k = 0; k < 6; k++) {
            assertThat(g[k]).as("component %d vs finite differences", k).isCloseTo(fd[k], within(1e-7 * (1 + Math.abs(fd[k]))));
            assertThat(g[k]).as("component %d vs softmax form", k).isCloseTo(want[k], within(1e-12 * (1 + Math.abs(want[k]))));
        }
        assertThat(Math.abs(g[0])).isGreaterThan(1e-3);
    }

    @Test
    void logsumexpValueMatchesADirectComputationAndStaysFiniteWhereTheNaiveOneOverflows() {
        Rng rng = new Rng(13);
        double[] ePos = rng.normal(DataType.DOUBLE, 30).muli(2).addi(1).toDoubleVector();
        double[] eNeg = rng.normal(DataType.DOUBLE, 70).muli(3).toDoubleVector();
        double direct = 0;
        for (double v : ePos) {
            direct += v / ePos.length;
        }
        double sum = 0;
        for (double v : eNeg) {
            sum += Math.exp(-v);
        }
        direct += Math.log(sum / eNeg.length);
        assertThat(lse(ePos, eNeg, 0)).isCloseTo(direct, within(1e-12 * Math.abs(direct)));
        // adding c to every energy leaves the loss unchanged; exp(−E−) under- or overflows for |c| = 1e4
        for (double c : new double[] {1e4, -1e4}) {
            double naive = 0;
            for (double v : eNeg) {
                naive += Math.exp(-(v + c));
            }
            assertThat(Double.isFinite(Math.log(naive)) && naive > 0).isFalse();
            assertThat(lse(ePos, eNeg, c)).isCloseTo(direct, within(1e-9));
        }
    }

    private static double lse(double[] ePos, double[] eNeg, double shift) {
        Tensor p = Tensor.constant(Nd4j.createFromArray(ePos).addi(shift));
        Tensor n = Tensor.constant(Nd4j.createFromArray(eNeg).addi(shift));
        return LogSumExpProvider.loss(p, n).item();
    }

    @Test
    void stableSoftplusIsExactFarOutAndItsGradientIsTheSigmoid() {
        double[] z = {-1000, -50, -1, -1e-3, 0, 1e-3, 1, 50, 1000};
        Tensor t = Tensor.variable(Nd4j.createFromArray(z));
        Tensor y = Stable.softplus(t);
        Tensor g = Autodiff.grad(y.sum(), t, false);
        for (int i = 0; i < z.length; i++) {
            assertThat(y.value().getDouble(i)).as("softplus(%s)", z[i])
                    .isCloseTo(softplus(z[i]), within(1e-15 * Math.max(1, Math.abs(z[i]))));
            assertThat(g.value().getDouble(i)).as("softplus'(%s)", z[i]).isCloseTo(sigmoid(z[i]), within(1e-15));
        }
        // the softplus loss with a huge energy gap is the gap itself, not infinity
        TrainBatch far = Fixtures.batch(Nd4j.createFromArray(new double[][] {{100, 100}}),
                Nd4j.createFromArray(new double[][] {{0, 0}}), new GaussianEnergy(new double[] {0, 0},
                        new double[][] {{1, 0}, {0, 1}}), new Rng(0));
        assertThat(Fixtures.term("{\"type\":\"softplus\",\"temperature\":0.01}").loss(far).item())
                .isCloseTo(10_000.0, within(1e-9));
    }
}
