package dev.ebm.energies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.AnalyticDensity;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The {@code offset} and {@code temperature} options: exact log Z against quadrature, exact draws, defaults. */
class TemperedAnalyticTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.of(
            List.of(new GaussianProvider(), new GaussianMixtureProvider()));

    private static EnergySpec spec(String json) {
        try {
            return new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), EnergySpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static EnergyFunction energy(String json) {
        return REGISTRY.create(spec(json), new PluginContext(DataType.DOUBLE, null, null, REGISTRY, new Rng(1)));
    }

    private static List<String> problems(String json) {
        try {
            spec(json);
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).collect(Collectors.toList());
        }
        throw new AssertionError("no problem found in " + json);
    }

    /** log ∫ exp(−E) over a 2-D box by the midpoint rule. */
    private static double gridLogZ(EnergyFunction e, double lo, double hi, int n) {
        double h = (hi - lo) / n;
        double[][] pts = new double[n * n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                pts[i * n + j][0] = lo + (i + 0.5) * h;
                pts[i * n + j][1] = lo + (j + 0.5) * h;
            }
        }
        double[] en = Target.of(e).energies(Nd4j.createFromArray(pts)).toDoubleVector();
        double min = Double.POSITIVE_INFINITY;
        for (double v : en) {
            min = Math.min(min, v);
        }
        double s = 0;
        for (double v : en) {
            s += Math.exp(-(v - min));
        }
        return -min + Math.log(s * h * h);
    }

    @Test
    void gaussianLogZMatchesQuadratureWithOffsetAndTemperature() {
        EnergyFunction e = energy("{\"type\":\"gaussian\",\"mean\":[1.0,-0.5],\"covariance\":[[2.0,0.6],[0.6,0.5]],"
                + "\"offset\":3.25,\"temperature\":0.4}");
        double det = 2.0 * 0.5 - 0.36;
        double logNorm = Math.log(2 * Math.PI) + 0.5 * Math.log(det);
        double expected = logNorm + Math.log(0.4) - logNorm / 0.4 - 3.25;
        assertThat(((AnalyticDensity) e).logZ()).isCloseTo(expected, within(1e-12));
        assertThat(gridLogZ(e, -8, 8, 600)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void defaultsLeaveTheEnergiesNormalised() {
        EnergyFunction g = energy("{\"type\":\"gaussian\",\"mean\":[0.0,0.0]}");
        EnergyFunction m = energy("{\"type\":\"gaussian-mixture\",\"weights\":[0.3,0.7],\"means\":[[-1,0],[2,1]],"
                + "\"stds\":[0.5,1.0]}");
        assertThat(((AnalyticDensity) g).logZ()).isEqualTo(0.0);
        assertThat(((AnalyticDensity) m).logZ()).isCloseTo(0.0, within(1e-13));
        INDArray x = Nd4j.createFromArray(new double[][] {{0.3, -0.2}});
        assertThat(Target.of(g).energies(x).getDouble(0)).isCloseTo(Math.log(2 * Math.PI) + 0.5 * 0.13,
                within(1e-14));
    }

    @Test
    void temperedMixtureLogZMatchesQuadrature() {
        for (double t : new double[] {1.0, 0.5, 1.0 / 3}) {
            EnergyFunction e = energy("{\"type\":\"gaussian-mixture\",\"weights\":[0.2,0.5,0.3],"
                    + "\"means\":[[-1.5,0],[1,1],[0.5,-1]],\"stds\":[0.6,0.8,0.5],\"offset\":-1.5,\"temperature\":"
                    + t + "}");
            assertThat(((AnalyticDensity) e).logZ()).as("T = %s", t)
                    .isCloseTo(gridLogZ(e, -7, 7, 700), within(1e-6));
        }
    }

    @Test
    void exactDrawsHaveTheTemperedMoments() {
        AnalyticDensity g = (AnalyticDensity) energy("{\"type\":\"gaussian\",\"mean\":[1.0,-1.0],"
                + "\"covariance\":[[1.0,0.5],[0.5,2.0]],\"temperature\":2.0,\"offset\":7}");
        INDArray x = g.sample(200_000, new Rng(3), DataType.DOUBLE);
        assertThat(x.shape()).containsExactly(200_000, 2);
        assertThat(x.mean(0).toDoubleVector()).containsExactly(new double[] {1.0, -1.0}, within(0.02));
        INDArray c = x.subRowVector(x.mean(0));
        double[][] cov = Nd4j.gemm(c, c, true, false).div(x.size(0)).toDoubleMatrix();
        assertThat(cov[0][0]).isCloseTo(2.0, within(0.03));
        assertThat(cov[0][1]).isCloseTo(1.0, within(0.03));
        assertThat(cov[1][1]).isCloseTo(4.0, within(0.06));
        // a squared two-component mixture in 1-D: the draws' histogram matches exp(−E)/Z
        EnergyFunction m = energy("{\"type\":\"gaussian-mixture\",\"weights\":[0.4,0.6],\"means\":[[-1],[1.5]],"
                + "\"stds\":[0.7,1.0],\"temperature\":0.5}");
        INDArray y = ((AnalyticDensity) m).sample(200_000, new Rng(4), DataType.DOUBLE);
        double logZ = ((AnalyticDensity) m).logZ();
        double[] edges = {-2.0, -1.0, 0.0, 1.0, 2.0, 3.0};
        double[] v = y.toDoubleVector();
        for (int b = 0; b + 1 < edges.length; b++) {
            double lo = edges[b];
            double hi = edges[b + 1];
            long count = java.util.Arrays.stream(v).filter(z -> z >= lo && z < hi).count();
            double mass = 0;
            int n = 2000;
            double[][] pts = new double[n][1];
            for (int i = 0; i < n; i++) {
                pts[i][0] = lo + (i + 0.5) * (hi - lo) / n;
            }
            for (double en : Target.of(m).energies(Nd4j.createFromArray(pts)).toDoubleVector()) {
                mass += Math.exp(-en - logZ) * (hi - lo) / n;
            }
            assertThat(count / 200_000.0).as("bin [%s, %s)", lo, hi).isCloseTo(mass, within(0.006));
        }
    }

    @Test
    void temperatureAndOffsetProblemsNameTheField() {
        assertThat(problems("{\"type\":\"gaussian\",\"mean\":[0],\"temperature\":0,\"offset\":\"NaN\"}"))
                .containsExactly("offset: must be a finite number, found NaN", "temperature: must be > 0, found 0.0");
        String mix = "{\"type\":\"gaussian-mixture\",\"weights\":[0.5,0.5],\"means\":[[-1],[1]],\"stds\":[1,1],";
        assertThat(problems(mix + "\"temperature\":0.3}")).singleElement().asString()
                .startsWith("temperature: must be 1/n for a whole number n >= 1").contains("found 0.3");
        assertThat(problems(mix + "\"temperature\":2.0}")).singleElement().asString()
                .startsWith("temperature: must be 1/n");
        assertThat(problems(mix + "\"temperature\":1.0e-6}")).singleElement().asString()
                .contains("more than 100000 terms");
    }
}
