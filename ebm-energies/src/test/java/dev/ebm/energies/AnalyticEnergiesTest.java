package dev.ebm.energies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AnalyticEnergiesTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.of(
            List.of(new MlpProvider(), new GaussianProvider(), new GaussianMixtureProvider()));

    private static EnergySpec spec(String json) {
        try {
            return new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), EnergySpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static EnergyFunction energy(String json, long... sampleShape) {
        return REGISTRY.create(spec(json), new PluginContext(DataType.DOUBLE, sampleShape, null, REGISTRY,
                new Rng(1)));
    }

    private static List<String> problems(String json) {
        try {
            spec(json);
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).collect(Collectors.toList());
        }
        throw new AssertionError("no problem found in " + json);
    }

    private static INDArray points(DataType dtype, double[][] rows) {
        return Nd4j.createFromArray(rows).castTo(dtype);
    }

    @Test
    void serviceLoaderFindsTheAnalyticEnergies() {
        assertThat(PluginRegistry.load().types(Kind.ENERGY)).contains("gaussian", "gaussian-mixture", "mlp");
    }

    @Test
    void gaussianIsTheFullNegativeLogDensityAndItsGradient() {
        EnergyFunction e = energy("{\"type\":\"gaussian\",\"mean\":[1.0,-2.0],\"covariance\":[[2.0,0.6],[0.6,0.5]]}",
                2);
        assertThat(e.parameters().isEmpty()).isTrue();
        double[][] x = {{0, 0}, {1, -2}, {3.5, 1.25}, {-4, -7}};
        Target.Evaluation ev = Target.of(e).evaluate(points(DataType.DOUBLE, x));
        double det = 2.0 * 0.5 - 0.6 * 0.6;
        double[][] inv = {{0.5 / det, -0.6 / det}, {-0.6 / det, 2.0 / det}};
        for (int i = 0; i < x.length; i++) {
            double d0 = x[i][0] - 1;
            double d1 = x[i][1] + 2;
            double q = d0 * (inv[0][0] * d0 + inv[0][1] * d1) + d1 * (inv[1][0] * d0 + inv[1][1] * d1);
            double expected = 0.5 * q + Math.log(2 * Math.PI) + 0.5 * Math.log(det);
            assertThat(ev.energy().getDouble(i)).isCloseTo(expected, within(1e-12));
            assertThat(ev.grad().getDouble(i, 0)).isCloseTo(inv[0][0] * d0 + inv[0][1] * d1, within(1e-12));
            assertThat(ev.grad().getDouble(i, 1)).isCloseTo(inv[1][0] * d0 + inv[1][1] * d1, within(1e-12));
        }
    }

    @Test
    void gaussianDefaultsToTheIdentityAndFlattensSamples() {
        EnergyFunction e = energy("{\"type\":\"gaussian\",\"mean\":[0,0,0,0]}", 1, 2, 2);
        INDArray x = Nd4j.createFromArray(new double[] {1, 2, 3, 4, 0, 0, 0, 0}).reshape(2, 1, 2, 2);
        Target.Evaluation ev = Target.of(e).evaluate(x);
        double logZ = 2 * Math.log(2 * Math.PI);
        assertThat(ev.energy().getDouble(0)).isCloseTo(0.5 * 30 + logZ, within(1e-12));
        assertThat(ev.energy().getDouble(1)).isCloseTo(logZ, within(1e-12));
        assertThat(ev.grad().shape()).containsExactly(2, 1, 2, 2);
        assertThat(ev.grad().getDouble(0, 0, 1, 1)).isCloseTo(4, within(1e-12));
    }

    @Test
    void mixtureMatchesADirectComputationAndIsStableFarAway() {
        EnergyFunction e = energy("{\"type\":\"gaussian-mixture\",\"weights\":[0.2,0.5,0.3],"
                + "\"means\":[[-2,0],[2,1],[0,-3]],\"stds\":[0.5,1.0,0.3]}", 2);
        double[] w = {0.2, 0.5, 0.3};
        double[][] mu = {{-2, 0}, {2, 1}, {0, -3}};
        double[] s = {0.5, 1.0, 0.3};
        double[][] x = {{0, 0}, {-2, 0.1}, {2.5, 1}, {0.1, -2.9}, {40, -60}, {-300, 200}};
        for (DataType dtype : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Target.Evaluation ev = Target.of(e).evaluate(points(dtype, x));
            assertThat(ev.energy().dataType()).isEqualTo(dtype);
            double tol = dtype == DataType.DOUBLE ? 1e-9 : 2e-6;
            for (int i = 0; i < x.length; i++) {
                double[] a = new double[3];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 3; k++) {
                    double r2 = sq(x[i][0] - mu[k][0]) + sq(x[i][1] - mu[k][1]);
                    a[k] = Math.log(w[k]) - Math.log(2 * Math.PI * s[k] * s[k]) - r2 / (2 * s[k] * s[k]);
                    max = Math.max(max, a[k]);
                }
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += Math.exp(a[k] - max);
                }
                double expected = -(max + Math.log(sum));
                double[] grad = new double[2];
                for (int k = 0; k < 3; k++) {
                    double r = Math.exp(a[k] - max) / sum;
                    grad[0] += r * (x[i][0] - mu[k][0]) / (s[k] * s[k]);
                    grad[1] += r * (x[i][1] - mu[k][1]) / (s[k] * s[k]);
                }
                assertThat(ev.energy().getDouble(i)).isFinite()
                        .isCloseTo(expected, within(tol * Math.max(1, Math.abs(expected))));
                for (int j = 0; j < 2; j++) {
                    assertThat(ev.grad().getDouble(i, j)).isFinite()
                            .isCloseTo(grad[j], within(tol * Math.max(1, Math.abs(grad[j]))));
                }
            }
        }
    }

    @Test
    void mixtureIntegratesToOneIn1D() {
        EnergyFunction e = energy("{\"type\":\"gaussian-mixture\",\"weights\":[0.25,0.75],\"means\":[[-2],[2]],"
                + "\"stds\":[0.5,1.5]}", 1);
        int n = 20001;
        double lo = -15;
        double h = 30.0 / (n - 1);
        INDArray x = Nd4j.linspace(DataType.DOUBLE, lo, h, n).reshape(n, 1);
        INDArray en = Target.of(e).energies(x);
        double integral = 0;
        for (int i = 0; i < n; i++) {
            integral += Math.exp(-en.getDouble(i)) * h;
        }
        assertThat(integral).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void mixtureHasExactSecondDerivatives() {
        // d²E/dx² of a 1-D mixture against a central difference of the analytic first derivative.
        EnergyFunction e = energy("{\"type\":\"gaussian-mixture\",\"weights\":[0.4,0.6],\"means\":[[-1],[1.5]],"
                + "\"stds\":[0.7,0.4]}", 1);
        INDArray x = Nd4j.createFromArray(new double[] {-1.2, 0.1, 0.4, 2.0}).reshape(4, 1);
        INDArray second;
        try (GradMode.Scope on = GradMode.on()) {
            Tensor xt = Tensor.variable(x);
            Tensor g = Autodiff.grad(e.energy(xt, e.parameters()).sum(), xt, true);
            second = Autodiff.grad(g.sum(), xt, false).value();
        }
        double eps = 1e-5;
        INDArray gp = Target.of(e).evaluate(x.add(eps)).grad();
        INDArray gm = Target.of(e).evaluate(x.sub(eps)).grad();
        for (int i = 0; i < 4; i++) {
            double fd = (gp.getDouble(i, 0) - gm.getDouble(i, 0)) / (2 * eps);
            assertThat(second.getDouble(i, 0)).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void analyticEnergiesDefineTheirSampleShapeWithoutData() {
        assertThat(energy("{\"type\":\"gaussian\",\"mean\":[1.0,-2.0,0.5]}").sampleShape()).containsExactly(3);
        assertThat(energy("{\"type\":\"gaussian-mixture\",\"weights\":[0.3,0.7],\"means\":[[-2.0],[2.0]],"
                + "\"stds\":[0.5,0.5]}").sampleShape()).containsExactly(1);
        assertThat(energy("{\"type\":\"mlp\",\"hidden\":[4]}", 2).sampleShape()).isNull();
    }

    @Test
    void wrongSampleSizesAreReported() {
        assertThatThrownBy(() -> energy("{\"type\":\"gaussian\",\"mean\":[0,0]}", 3))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("mean: has dimension 2, but the samples have 3 coordinates");
        assertThatThrownBy(() -> energy("{\"type\":\"gaussian-mixture\",\"weights\":[1],\"means\":[[0]],"
                + "\"stds\":[1]}", 1, 2, 2)).isInstanceOf(SpecException.class)
                .hasMessageContaining("means: has dimension 1, but the samples have 4 coordinates");
        EnergyFunction e = energy("{\"type\":\"gaussian\",\"mean\":[0,0]}", 2);
        assertThatThrownBy(() -> e.energy(Tensor.constant(Nd4j.zeros(DataType.DOUBLE, 4, 3))))
                .hasMessageContaining("gaussian energy has dimension 2, but was given samples of shape [4, 3]");
    }

    @Test
    void gaussianSpecProblemsAreAllReported() {
        assertThat(problems("{\"type\":\"gaussian\"}")).containsExactly("mean: is required");
        assertThat(problems("{\"type\":\"gaussian\",\"mean\":[0,0],\"covariance\":[[1,0],[0,1],[0,0]]}"))
                .containsExactly("covariance: must be 2 x 2 to match mean (2 entries), found 3 rows");
        assertThat(problems("{\"type\":\"gaussian\",\"mean\":[0,0],\"covariance\":[[1,0,0],[0,1]]}"))
                .containsExactly("covariance[0]: must have 2 entries to match mean, found 3");
        assertThat(problems("{\"type\":\"gaussian\",\"mean\":[0,0],\"covariance\":[[1,0.5],[0.4,1]]}"))
                .containsExactly("covariance: must be symmetric, found [1][0] = 0.4 but [0][1] = 0.5");
        assertThat(problems("{\"type\":\"gaussian\",\"mean\":[0,0],\"covariance\":[[1,2],[2,1]]}"))
                .containsExactly("covariance: must be positive definite, found [[1.0, 2.0], [2.0, 1.0]] "
                        + "(its leading 2 x 2 minor has determinant -3.0)");
        assertThat(problems("{\"type\":\"gaussian\",\"mean\":[0],\"covariance\":[[0]]}"))
                .containsExactly("covariance: must be positive definite, found [[0.0]] "
                        + "(its leading 1 x 1 minor has determinant 0.0)");
        assertThat(problems("{\"type\":\"gaussian\",\"mean\":[],\"covarance\":[[1]]}"))
                .containsExactly("covarance: unknown key; legal keys: [type, mean, covariance, offset, temperature]");
        assertThat(problems("{\"type\":\"gaussian\",\"mean\":[]}")).containsExactly(
                "mean: must have at least one entry, found []");
    }

    @Test
    void mixtureSpecProblemsAreAllReported() {
        assertThat(problems("{\"type\":\"gaussian-mixture\"}"))
                .containsExactly("weights: is required", "means: is required", "stds: is required");
        assertThat(problems("{\"type\":\"gaussian-mixture\",\"weights\":[0.3,0.6],\"means\":[[-2],[2]],"
                + "\"stds\":[1,1]}")).containsExactly("weights: must sum to 1, found [0.3, 0.6] summing to 0.9");
        assertThat(problems("{\"type\":\"gaussian-mixture\",\"weights\":[1.5,-0.5],\"means\":[[-2],[2]],"
                + "\"stds\":[1,0]}")).containsExactly("weights[1]: must be > 0, found -0.5",
                        "stds[1]: must be > 0, found 0.0");
        assertThat(problems("{\"type\":\"gaussian-mixture\",\"weights\":[0.5,0.5],\"means\":[[-2,0],[2]],"
                + "\"stds\":[1]}")).containsExactly("means[1]: must have 2 entries like means[0], found 1",
                        "stds: must have one std per weight (2), found 1");
        assertThat(problems("{\"type\":\"gaussian-mixture\",\"weights\":[0.5,0.5],\"means\":[[0]],"
                + "\"stds\":[1,1]}")).containsExactly("means: must have one vector per weight (2), found 1");
        assertThat(problems("{\"type\":\"gaussian-mixture\",\"weights\":[0.5,0.5],\"means\":[-2,2],"
                + "\"stds\":[1,1]}")).hasSize(1).first().asString().startsWith("means: must be a list of");
    }

    private static double sq(double v) {
        return v * v;
    }
}
