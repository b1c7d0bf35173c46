package dev.ebm.objectives;

import static dev.ebm.objectives.Setup.batch;
import static dev.ebm.objectives.Setup.kernel;
import static dev.ebm.objectives.Setup.mlp;
import static dev.ebm.objectives.Setup.spec;
import static dev.ebm.objectives.Setup.term;
import static dev.ebm.objectives.Setup.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.objectives.spec.CdSpec;
import dev.ebm.objectives.spec.EntropySpec;
import dev.ebm.objectives.spec.KlAuxSpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Specs, values, the entropy memory and the refusal of kernels that cannot be differentiated through. */
class KlTermsTest {
    static final String ULA = "{\"type\":\"langevin\",\"steps\":3,\"stepSize\":0.1,\"noise\":0.1}";
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

    @Test
    void specsFillTheirDefaults() {
        assertThat(Setup.REGISTRY.types(Kind.OBJECTIVE)).contains("cd", "kl-aux", "ml");
        assertThat(spec("{\"type\":\"cd\"}", ObjectiveSpec.class)).isEqualTo(new CdSpec(1.0, 0, new EntropySpec(1.0, 100)));
        assertThat(spec("{\"type\":\"kl-aux\"}", ObjectiveSpec.class))
                .isEqualTo(new KlAuxSpec(1.0, "du2020", 1, new EntropySpec(1.0, 100)));
        assertThat(spec("{\"type\":\"kl-aux\",\"sign\":\"cd\",\"entropy\":{\"weight\":0.3}}", ObjectiveSpec.class))
                .isEqualTo(new KlAuxSpec(1.0, "cd", 1, new EntropySpec(0.3, 100)));
    }

    @Test
    void badValuesAreReportedTogetherWithTheirFieldsAndChoices() {
        assertThatThrownBy(() -> new KlAuxSpec(null, "du", -1, null))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("sign: unknown 'du'; known: [cd, du2020]")
                .hasMessageContaining("backpropSteps: must be >= 0, found -1");
        assertThatThrownBy(() -> new EntropySpec(-0.5, -3))
                .hasMessageContaining("weight: must be >= 0, found -0.5")
                .hasMessageContaining("buffer: must be >= 0, found -3");
        assertThatThrownBy(() -> spec("{\"type\":\"kl-aux\",\"entropy\":{\"weigth\":1}}", ObjectiveSpec.class))
                .hasMessageContaining("weigth");
    }

    @Test
    void metropolisKernelsAreRefusedWithTheReason() {
        for (String k : new String[] {"{\"type\":\"mala\",\"epsilon\":0.1}", "{\"type\":\"hmc\",\"stepSize\":0.1}"}) {
            for (String t : new String[] {"{\"type\":\"cd\"}", "{\"type\":\"kl-aux\"}"}) {
                assertThat(Setup.problems(t, k)).singleElement().asString()
                        .contains("differentiates through the sampler's steps")
                        .contains("the sampler declares itself Metropolis-adjusted")
                        .contains("its accept/reject step is not differentiable")
                        .contains("use a kernel that declares replayable steps (langevin or gd)");
            }
        }
        assertThat(Setup.problems("{\"type\":\"cd\"}", ULA)).isEmpty();
        assertThat(Setup.problems("{\"type\":\"kl-aux\"}", "{\"type\":\"gd\",\"stepSize\":0.1}")).isEmpty();
        assertThat(Setup.problems("{\"type\":\"ml\"}", "{\"type\":\"mala\",\"epsilon\":0.1}")).isEmpty();
        assertThat(Setup.problems("{\"type\":\"cd\"}", "{\"type\":\"langevin\",\"stepSize\":0.1,\"anneal\":"
                + "{\"noise\":{\"from\":0.1,\"to\":0}}}")).singleElement().asString()
                .contains("declares its steps not replayable").contains("annealed");

        EnergyFunction e = mlp("[8]", 2, 1);
        INDArray x = uniform(8, 2, 2);
        TrainBatch mala = batch(e, kernel("{\"type\":\"mala\",\"epsilon\":0.1,\"steps\":2}"), x, x, 3, 2);
        assertThatThrownBy(() -> term("{\"type\":\"cd\"}").loss(mala))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MalaKernel cannot replay its steps")
                .hasMessageContaining("use langevin or gd");
        TrainBatch untraced = batch(e, kernel(ULA), x, x, 3, 0);
        assertThatThrownBy(() -> term("{\"type\":\"kl-aux\"}").loss(untraced))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kept no trace");
    }

    /** Values: kl-aux du2020 = mean E(x−) − w·H(x−; memory), cd = CD* + H − mean E(x−), with the memory as it was. */
    @Test
    void lossValuesAreTheEnergyAndEntropyParts() {
        EnergyFunction e = mlp("[8,8]", 2, 5);
        SamplerKernel k = kernel(ULA);
        ObjectiveTerm klAux = term("{\"type\":\"kl-aux\",\"entropy\":{\"weight\":0.3,\"buffer\":8}}");
        ObjectiveTerm cd = term("{\"type\":\"cd\",\"entropy\":{\"buffer\":8}}");
        INDArray first = uniform(16, 2, 6);
        klAux.loss(batch(e, k, first, first, 7, 1));
        cd.loss(batch(e, k, first, first, 7, Integer.MAX_VALUE));
        INDArray mem = klAux.state().get("samples");
        assertThat(cd.state().get("samples")).isEqualTo(mem);

        INDArray xPos = uniform(16, 2, 8);
        TrainBatch b = batch(e, k, xPos, xPos, 9, Integer.MAX_VALUE);
        INDArray xNeg = b.xNeg().value();
        double eNeg = Setup.meanEnergy(e, xNeg, e.parameters());
        double ePos = Setup.meanEnergy(e, xPos, e.parameters());
        double h = Setup.entropy(xNeg, mem);
        assertThat(klAux.loss(b).item()).isCloseTo(eNeg - 0.3 * h, within(1e-10));
        assertThat(cd.loss(b).item()).isCloseTo(ePos - eNeg + h - eNeg, within(1e-10));
        // without the entropy part nothing is remembered
        ObjectiveTerm energyOnly = term("{\"type\":\"kl-aux\",\"entropy\":{\"weight\":0}}");
        assertThat(energyOnly.loss(b).item()).isCloseTo(eNeg, within(1e-10));
        assertThat(energyOnly.state().get("counters").toLongVector()[0]).isZero();
    }

    /** The memory keeps the last {@code buffer} end points, first in first out, and survives state/restore. */
    @Test
    void theMemoryKeepsTheLatestSamplesAndRestoresFromItsState() {
        EnergyFunction e = mlp("[8]", 2, 11);
        SamplerKernel k = kernel(ULA);
        ObjectiveTerm a = term("{\"type\":\"kl-aux\",\"entropy\":{\"buffer\":20}}");
        INDArray x1 = uniform(16, 2, 12);
        INDArray x2 = uniform(16, 2, 13);
        TrainBatch b1 = batch(e, k, x1, x1, 14, 1);
        TrainBatch b2 = batch(e, k, x2, x2, 15, 1);
        a.loss(b1);
        assertThat(rows(a.state().get("samples"))).isEqualTo(rows(b1.xNeg().value()));
        a.loss(b2);
        Set<String> expected = rows(b2.xNeg().value());
        INDArray tail = b1.xNeg().value().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(12, 16),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        expected.addAll(rows(tail));
        assertThat(a.state().get("samples").size(0)).isEqualTo(20);
        assertThat(rows(a.state().get("samples"))).isEqualTo(expected);

        Map<String, INDArray> saved = a.state();
        ObjectiveTerm restored = term("{\"type\":\"kl-aux\",\"entropy\":{\"buffer\":20}}");
        restored.restore(saved);
        INDArray x3 = uniform(16, 2, 16);
        double va = a.loss(batch(e, k, x3, x3, 17, 1)).item();
        double vr = restored.loss(batch(e, k, x3, x3, 17, 1)).item();
        double fresh = term("{\"type\":\"kl-aux\",\"entropy\":{\"buffer\":20}}").loss(batch(e, k, x3, x3, 17, 1)).item();
        assertThat(vr).isEqualTo(va);
        assertThat(fresh).isNotEqualTo(va);
        assertThat(restored.state().get("samples")).isEqualTo(a.state().get("samples"));
    }

    private static Set<String> rows(INDArray a) {
        Set<String> out = new HashSet<>();
        for (double[] row : a.castTo(DataType.DOUBLE).toDoubleMatrix()) {
            out.add(Arrays.toString(row));
        }
        return out;
    }
}
